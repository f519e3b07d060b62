import type { IncomingMessage, ServerResponse } from 'node:http';

/** Request and response helpers of the reference backend's routes. */

export const MAX_BODY = 1_000_000;

/** A request the server refuses with this status and message (bad JSON, too large, bad cursor). */
export class HttpError extends Error {
  constructor(
    public status: number,
    message: string,
  ) {
    super(message);
  }
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Body is not valid JSON');
  }
}

export function readBody(req: IncomingMessage, max = MAX_BODY): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) reject(new HttpError(413, 'Body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function issueText(issues: { path: PropertyKey[]; message: string }[]): string {
  const i = issues[0];
  return i ? `Invalid body: ${i.path.map(String).join('.') || '(root)'} ${i.message}` : 'Invalid body';
}

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === null ? '' : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A cursor query parameter: absent (null), or the decimal string the store gave out. */
export function cursorParam(value: string | null): string | null {
  if (value === null || value === '') return null;
  if (!/^\d{1,18}$/.test(value)) throw new HttpError(400, 'since must be a cursor from this server');
  return value;
}

/** A limit query parameter between 1 and max (default def). */
export function limitParam(value: string | null, def: number, max: number): number {
  const n = value === null ? def : Number(value);
  if (!Number.isInteger(n) || n < 1) throw new HttpError(400, `limit must be a whole number from 1 to ${max}`);
  return Math.min(n, max);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
