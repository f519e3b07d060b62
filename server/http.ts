import type { IncomingMessage, ServerResponse } from 'node:http';

/** Request and response helpers of the reference backend's routes. */

/** The largest body of one request (a create with its comments, a change); a batch has its own. */
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

/** A body over the limit, refused with 413 and what the limit is. */
export class TooLargeError extends HttpError {
  constructor(max: number, size: number | null) {
    const n = (x: number) => x.toLocaleString('en-US');
    super(
      413,
      `Request body too large: this endpoint takes at most ${n(max)} bytes${size === null ? '' : `, and this one has ${n(size)}`}.`,
    );
  }
}

/** Past this much of a body too large, the connection is closed instead of read to its end. */
const DISCARD_MAX = 64_000_000;

/**
 * Reads the body, up to `max` bytes. A body over the limit is refused (413) as soon as that is
 * known: from its Content-Length, or when it grows past the limit. The rest of it is then read
 * and thrown away, so the answer reaches the client while it is still sending (closing the
 * connection instead can reset it before the client reads the answer); a body that goes on past
 * DISCARD_MAX has its connection closed.
 */
export function readBody(req: IncomingMessage, max = MAX_BODY): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) {
    discardRest(req, 0);
    return Promise.reject(new TooLargeError(max, declared));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= max) return void chunks.push(c);
      req.off('data', onData);
      discardRest(req, size);
      reject(new TooLargeError(max, null));
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function discardRest(req: IncomingMessage, seen: number): void {
  let size = seen;
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (size > DISCARD_MAX) req.socket.destroy();
  });
  req.resume();
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
