/**
 * What the helpdesk fakes share: a clock tests move by hand (search lag, rate-limit windows,
 * Retry-After), a per-minute rate limit that answers 429 with Retry-After as both helpdesks
 * document, and a fetch function over a router.
 */
export class FakeClock {
  constructor(public ms = Date.parse('2026-11-23T09:00:00.000Z')) {}
  now = () => this.ms;
  iso = () => new Date(this.ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  /** A JSON body, parsed. */
  body: unknown;
  /** A file sent as the body (Zendesk's uploads), with its Content-Type. */
  file?: { type: string; bytes: Uint8Array };
  /** A multipart/form-data body (Freshdesk's attachments): its fields and files. */
  form?: FakeForm;
}

export interface FakeForm {
  fields: Record<string, string>;
  files: { field: string; name: string; type: string; bytes: Uint8Array }[];
}

async function readForm(data: FormData): Promise<FakeForm> {
  const form: FakeForm = { fields: {}, files: [] };
  for (const [field, v] of data.entries()) {
    if (typeof v === 'string') form.fields[field] = v;
    else form.files.push({ field, name: v.name, type: v.type, bytes: new Uint8Array(await v.arrayBuffer()) });
  }
  return form;
}

export type FakeAnswer = { status: number; body?: unknown; headers?: Record<string, string> };

export class RateLimit {
  private windowStart = 0;
  private used = 0;
  /** Requests forced to 429 next (on top of the limit), and their Retry-After in seconds. */
  private forced: { count: number; retryAfter: number } = { count: 0, retryAfter: 0 };

  constructor(
    private readonly clock: FakeClock,
    public perMinute: number,
    private readonly names: { limit: string; remaining: string },
  ) {}

  throttleNext(count: number, retryAfterSeconds: number): void {
    this.forced = { count, retryAfter: retryAfterSeconds };
  }

  /** A 429 to answer instead, or the headers to add to the answer. */
  take(): { refuse: FakeAnswer } | { headers: Record<string, string> } {
    const now = this.clock.now();
    if (now - this.windowStart >= 60_000) {
      this.windowStart = now - (now % 60_000);
      this.used = 0;
    }
    const resetIn = Math.max(1, Math.ceil((this.windowStart + 60_000 - now) / 1000));
    if (this.forced.count > 0) {
      this.forced.count--;
      return { refuse: tooMany(this.forced.retryAfter) };
    }
    if (this.used >= this.perMinute) return { refuse: tooMany(resetIn) };
    this.used++;
    return {
      headers: {
        [this.names.limit]: String(this.perMinute),
        [this.names.remaining]: String(this.perMinute - this.used),
      },
    };
  }
}

function tooMany(seconds: number): FakeAnswer {
  return { status: 429, body: { error: 'Too Many Requests' }, headers: { 'Retry-After': String(seconds) } };
}

/** A fetch over `handle`: parses the request, applies the rate limit, records what was asked. */
export function fakeFetchOver(
  base: string,
  limit: RateLimit,
  handle: (r: FakeRequest) => FakeAnswer,
): { fetch: typeof fetch; log: string[] } {
  const log: string[] = [];
  const f = async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(String(input));
    if (url.origin !== new URL(base).origin) throw new TypeError('Failed to fetch');
    const headers = new Headers(init.headers);
    const req: FakeRequest = {
      method: init.method ?? 'GET',
      path: url.pathname.replace(/\.json$/, ''),
      query: url.searchParams,
      headers,
      body: typeof init.body === 'string' && init.body ? JSON.parse(init.body) : undefined,
      ...(init.body instanceof Blob
        ? { file: { type: headers.get('content-type') ?? '', bytes: new Uint8Array(await init.body.arrayBuffer()) } }
        : {}),
      ...(init.body instanceof FormData ? { form: await readForm(init.body) } : {}),
    };
    log.push(`${req.method} ${url.pathname}${url.search}`);
    const gate = limit.take();
    const answer = 'refuse' in gate ? gate.refuse : handle(req);
    const extra = 'headers' in gate ? gate.headers : {};
    const text = answer.body === undefined ? null : JSON.stringify(answer.body);
    return new Response(text, {
      status: answer.status,
      headers: { 'Content-Type': 'application/json', ...extra, ...answer.headers },
    });
  };
  return { fetch: f as typeof fetch, log };
}

export const json = (status: number, body: unknown): FakeAnswer => ({ status, body });
export const notFound = (what: string): FakeAnswer =>
  json(404, { error: 'RecordNotFound', description: `${what} not found` });
