import { urlKey } from '../domain/url-key';
import { AgentClient, newTally, type Tally } from './client';

/**
 * A team's shift against one server: `agents` agents, each an HTTP client with a token of its
 * own, capture `posts` posts; each post is captured by three agents at nearly the same moment
 * (they wait for each other at the post, then all look it up and create it). Each agent then
 * works on the case it got: a decision, a status, taking it or handing it to a colleague with a
 * note. Every write's text is unique, so the end can check that each acknowledged one is in the
 * store exactly once.
 */
export interface ShiftOptions {
  agents: number;
  posts: number;
  /** Called once, when half the posts have their case (the load test kills the server there). */
  halfway?: () => Promise<void>;
  /** The server's base URL now (it may change port on restart in tests). */
  url: () => string;
  adminToken: string;
  /** Seed of the choice of actions, for a run that can be repeated. */
  seed?: number;
}

export interface ShiftResult {
  agents: number;
  posts: number;
  cases: number;
  /** Cases beyond one per post, plus writes found more than once. */
  duplicates: number;
  /** Posts without a case, plus acknowledged writes not found. */
  lost: number;
  writes: number;
  tally: Tally;
  seconds: number;
}

interface CaseAnswer {
  id: string;
  existing?: boolean;
}

const VARIANTS = [
  (n: number) => `https://x.com/customer${n}/status/${18_000_000_000 + n}`,
  (n: number) => `https://twitter.com/Customer${n}/status/${18_000_000_000 + n}?s=20`,
  (n: number) => `https://mobile.twitter.com/customer${n}/status/${18_000_000_000 + n}`,
];

function mention(n: number, variant: number) {
  return {
    platform: 'x',
    kind: 'post',
    url: VARIANTS[variant % 3]!(n),
    postId: String(18_000_000_000 + n),
    author: { name: `Customer ${n}`, handle: `customer${n}`, profileUrl: null, followers: null },
    text: `Post ${n}: my internet has been down since Monday and nobody calls back.`,
    title: null,
    publishedAt: '2026-11-20T08:00:00.000Z',
    language: 'en',
    parentUrl: null,
    metrics: { views: null, likes: null, reposts: null, replies: null },
    warnings: [],
    capturedAt: '2026-11-23T09:00:00.000Z',
  };
}

/** The three agents of post n, all different. */
function agentsOf(n: number, agents: number): number[] {
  const step = Math.max(1, Math.floor(agents / 3));
  return [n % agents, (n + 1 + step) % agents, (n + 1 + 2 * step) % agents];
}

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function runShift(opts: ShiftOptions): Promise<ShiftResult> {
  const started = performance.now();
  const tally = newTally();
  const admin = new AgentClient('admin', opts.adminToken, opts.url, tally);
  const names = Array.from({ length: opts.agents }, (_, i) => `Agent ${String(i + 1).padStart(2, '0')}`);
  const clients: AgentClient[] = [];
  for (const name of names) {
    const added = await admin.send<{ token: string }>('POST', '/api/agents', { name }, undefined);
    clients.push(new AgentClient(name, added.token, opts.url, tally));
  }

  // Where three agents meet before capturing a post together.
  const gates = new Map<number, { arrived: number; open: () => void; opened: Promise<void> }>();
  const gate = (n: number) => {
    let g = gates.get(n);
    if (!g) {
      let open!: () => void;
      const opened = new Promise<void>((r) => (open = r));
      g = { arrived: 0, open, opened };
      gates.set(n, g);
    }
    if (++g.arrived === 3) g.open();
    return g.opened;
  };

  /** Every acknowledged write: the post, and the text that must be in its case's history once. */
  const writes: { post: number; text: string }[] = [];
  /** The case each capture of a post was answered with: one id per post, or the post was doubled. */
  const answered = new Map<number, Set<string>>();
  let withCase = 0;
  let halfway: Promise<void> | null = null;
  const postsOf = (a: number) =>
    Array.from({ length: opts.posts }, (_, n) => n).filter((n) => agentsOf(n, opts.agents).includes(a));

  const work = async (a: number) => {
    const me = clients[a]!;
    const random = seeded((opts.seed ?? 1) * 1000 + a);
    for (const n of postsOf(a)) {
      await gate(n);
      const m = mention(n, agentsOf(n, opts.agents).indexOf(a));
      // The popup asks the team first; at the same moment as two colleagues, it mostly finds nothing.
      await me.read(() => me.get(`/api/cases?url=${encodeURIComponent(m.url)}`));
      const key = crypto.randomUUID();
      const note = `capture of post ${n} by ${me.name}`;
      const body = { mention: m, category: 'outage', severity: 'high', note, capturedBy: me.name };
      const found = (k: string) => async () =>
        (await me.get<{ cases: CaseAnswer[] }>(`/api/cases?idempotencyKey=${k}`)).cases[0] ?? null;
      const c = await me.send<CaseAnswer>('POST', '/api/cases', body, key, found(key));
      writes.push({ post: n, text: note });
      answered.set(n, (answered.get(n) ?? new Set()).add(c.id));
      if (!c.existing && ++withCase === Math.ceil(opts.posts / 2) && opts.halfway) halfway = opts.halfway();
      const change = async (patch: Record<string, unknown>, text: string) => {
        await me.send('PATCH', `/api/cases/${c.id}`, patch, crypto.randomUUID());
        writes.push({ post: n, text });
      };
      const r = random();
      if (r < 0.3)
        await change(
          { note: `decision on ${n} by ${me.name}`, noteKind: 'decision' },
          `decision on ${n} by ${me.name}`,
        );
      else if (r < 0.45)
        await change({ status: 'open', note: `working on ${n}: ${me.name}` }, `working on ${n}: ${me.name}`);
      else if (r < 0.6) {
        const to = names[Math.floor(random() * names.length)]!;
        const text = `hand-off of ${n} by ${me.name}`;
        await change({ owner: to, noteKind: 'handoff', note: text }, text);
      }
    }
  };
  await Promise.all(clients.map((_, a) => work(a)));
  await halfway;

  // The count, with the faults off: one case per post, every acknowledged write in it once. The
  // audit has every history entry of every case, so a few pages of it check them all.
  await admin.send('PUT', '/api/_faults', { failRate: 0, dropAfterStoreRate: 0, failAfterStoreRate: 0 }, undefined);
  const stats = (await admin.read(() =>
    admin.get<{ cases: number; duplicateUrls: number; urls: string[] }>('/api/_stats?urls=1'),
  ))!;
  const held = new Set(stats.urls);
  let duplicates = stats.duplicateUrls + Math.max(0, stats.cases - opts.posts);
  let lost = 0;
  for (let n = 0; n < opts.posts; n++) {
    if (!held.has(urlKey(VARIANTS[0]!(n)))) lost++;
    duplicates += Math.max(0, (answered.get(n)?.size ?? 0) - 1);
  }
  const entries = new Map<string, { text?: string; note?: string }[]>();
  for (let since = '0', more = true; more;) {
    const page = (await admin.read(() =>
      admin.get<{
        entries: { caseId: string | null; detail: { text?: string; note?: string } }[];
        cursor: string;
        more: boolean;
      }>(`/api/audit?since=${since}&limit=5000`),
    ))!;
    for (const e of page.entries) if (e.caseId) entries.set(e.caseId, [...(entries.get(e.caseId) ?? []), e.detail]);
    [since, more] = [page.cursor, page.more];
  }
  for (const w of writes) {
    const caseId = [...(answered.get(w.post) ?? [])][0] ?? '';
    const times = (entries.get(caseId) ?? []).filter(
      (d) => d.text === w.text || d.note === w.text || d.text?.endsWith(`: ${w.text}`),
    ).length;
    if (times === 0) lost++;
    if (times > 1) duplicates += times - 1;
  }
  return {
    agents: opts.agents,
    posts: opts.posts,
    cases: stats.cases,
    duplicates,
    lost,
    writes: writes.length,
    tally,
    seconds: (performance.now() - started) / 1000,
  };
}

export function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}
