export interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

type Answer = { status: number; body?: unknown; headers?: Record<string, string> } | 'network-error';

/** A fetch that records requests and answers from a list (the last answer repeats). */
export function fakeFetch(...answers: Answer[]) {
  const requests: Recorded[] = [];
  let i = 0;
  const fetch = (async (url: string, init: RequestInit) => {
    requests.push({
      method: init.method ?? 'GET',
      url,
      headers: Object.fromEntries(
        Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]),
      ),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    const a = answers[Math.min(i++, answers.length - 1)]!;
    if (a === 'network-error') throw new TypeError('Failed to fetch');
    const text = a.body === undefined ? '' : typeof a.body === 'string' ? a.body : JSON.stringify(a.body);
    return new Response(text || null, { status: a.status, headers: a.headers });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, requests };
}

/** The team side of a fake adapter for tests that never read the team: any use fails the test. */
export const unusedTeam: import('../../sync/adapter').TeamReader = new Proxy(
  {} as import('../../sync/adapter').TeamReader,
  {
    get: (_t, name) => () => {
      throw new Error(`the team reader was used (${String(name)}) where no test expected it`);
    },
  },
);
