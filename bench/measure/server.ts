/**
 * serverCreatesPerSec, serverP95Ms: the reference backend on SQLite (its default store, with its
 * default synchronous=FULL: one fsync per commit), as its own process (`node --import tsx
 * server/main.ts`, what `npm run backend` execs), on loopback, without rate limit or faults.
 * 20 agents, each with its own token, create 25 cases each, one request at a time per agent, all
 * 20 at once (500 creates of distinct posts per run). serverCreatesPerSec is 500 / the run's wall
 * time, from the first request sent to the last answer; serverP95Ms the 95th percentile of one
 * create's round trip in that run. Medians over the runs. Numbers only: the server is correct under
 * load (npm run loadtest), these say how fast it is on this machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnBackend } from '../../loadtest/server';
import type { BenchContext } from '../lib/context';
import { figure, type Figure } from '../lib/stats';

const AGENTS = 20;
const PER_AGENT = 25;
const ADMIN = 'bench-admin';

export async function measureServer(ctx: BenchContext): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cc-bench-server-'));
  const server = await spawnBackend({ args: ['--port', '0', '--data', dir, '--token', ADMIN, '--rate-limit', '0'] });
  try {
    const tokens: string[] = [];
    for (let a = 0; a < AGENTS; a++) {
      const r = await fetch(`${server.url}/api/agents`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: `Bench agent ${a}` }),
      });
      tokens.push(((await r.json()) as { token: string }).token);
    }
    let post = 0;
    const round = async () => {
      const latencies: number[] = [];
      const t0 = performance.now();
      await Promise.all(
        tokens.map(async (token) => {
          for (let i = 0; i < PER_AGENT; i++) {
            const n = post++;
            const s = performance.now();
            const r = await fetch(`${server.url}/api/cases`, {
              method: 'POST',
              headers: {
                Authorization: `Bearer ${token}`,
                'Idempotency-Key': crypto.randomUUID(),
                'Content-Type': 'application/json',
              },
              body: JSON.stringify(body(n)),
            });
            await r.text();
            if (r.status !== 201) throw new Error(`create answered ${r.status}`);
            latencies.push(performance.now() - s);
          }
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      latencies.sort((a, b) => a - b);
      return { perSec: (AGENTS * PER_AGENT) / seconds, p95: latencies[Math.ceil(0.95 * latencies.length) - 1]! };
    };
    for (let i = 0; i < ctx.warmup; i++) await round();
    const runs = [];
    for (let i = 0; i < ctx.runs; i++) runs.push(await round());
    ctx.notes.push(
      `server: SQLite (synchronous=FULL), ${AGENTS} agents × ${PER_AGENT} creates at once per run, own process on loopback; the machine's load shares the CPU with it.`,
    );
    return [
      figure(
        'serverCreatesPerSec',
        runs.map((r) => r.perSec),
        'cases/s',
      ),
      figure(
        'serverP95Ms',
        runs.map((r) => r.p95),
        'ms',
      ),
    ];
  } finally {
    process.kill(server.pid, 'SIGTERM');
    await server.exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

function body(n: number) {
  return {
    mention: {
      platform: 'x',
      kind: 'post',
      url: `https://x.com/bench${n}/status/${19_000_000_000 + n}`,
      postId: String(19_000_000_000 + n),
      author: { name: `Bench ${n}`, handle: `bench${n}`, profileUrl: null, followers: null },
      text: `Bench post ${n}: the connection dropped again this morning.`,
      title: null,
      publishedAt: null,
      language: 'en',
      parentUrl: null,
      metrics: { views: null, likes: null, reposts: null, replies: null },
      warnings: [],
      capturedAt: '2026-11-23T09:00:00.000Z',
    },
    category: 'outage',
    severity: 'high',
    note: '',
    capturedBy: 'bench',
  };
}
