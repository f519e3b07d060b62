import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { alive, spawnBackend, type BackendProcess } from '../../loadtest/server';
import { createBody } from './fixtures';

// Stopping the server as a process supervisor does: SIGTERM to the pid `npm run backend`
// started (npm's own), or Ctrl-C to its process group. Nothing may be left running or listening.
let started: BackendProcess | undefined;
afterEach(() => {
  // A test that failed half-way leaves nothing behind either.
  for (const pid of [started?.pid, started?.child.pid]) if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
  started = undefined;
});

const TOKEN = 'shutdown-test';

async function start(extra: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'cc-backend-'));
  started = await spawnBackend({
    via: 'npm',
    args: ['--port', '0', '--data', dir, '--token', TOKEN, '--test', ...extra],
  });
  return started;
}

const free = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });

/** A create held in the server for `ms` (test-mode latency), sent once the server counts it as waiting. */
async function slowCreate(be: BackendProcess, ms: number) {
  await fetch(`${be.url}/api/_faults`, { method: 'PUT', body: JSON.stringify({ latencyMs: ms }) });
  const answer = fetch(`${be.url}/api/cases`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${TOKEN}`,
      'Idempotency-Key': crypto.randomUUID(),
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(createBody(1)),
  }).then(
    (r) => r.status,
    (e: Error) => e,
  );
  for (;;) {
    const stats = (await (await fetch(`${be.url}/api/_stats`)).json()) as { faults: { waiting: number } };
    // Wrapped: an async function returning the promise itself would wait for it.
    if (stats.faults.waiting === 1) return { answer };
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('stopping the reference backend', () => {
  it('on SIGTERM to npm: finishes the request in flight, closes the database, exits 0, frees the port', async () => {
    const be = await start();
    expect(be.pid).not.toBe(be.child.pid);
    const { answer } = await slowCreate(be, 1500);
    process.kill(be.child.pid!, 'SIGTERM');
    expect(await answer).toBe(201);
    expect(await be.exited).toEqual({ code: 0, signal: null });
    expect(alive(be.pid)).toBe(false);
    expect(await free(be.port)).toBe(true);
    expect(be.output()).toMatch(/SIGTERM: stopping; 1 request in flight/);
    expect(be.output()).toMatch(/Stopped: database closed\./);
  });

  it('on Ctrl-C (SIGINT to the process group): stops in order and frees the port', async () => {
    const be = await start();
    process.kill(-be.child.pid!, 'SIGINT');
    // npm ends with its script's code, or by the same signal (as a shell does) when it got there
    // first; the server got the signal from the terminal too, and stops in order on its own.
    const exit = await be.exited;
    expect([0, 'SIGINT']).toContain(exit.code ?? exit.signal);
    await be.closed;
    expect(alive(be.pid)).toBe(false);
    expect(be.output()).toMatch(/SIGINT: stopping; no requests in flight\.\nStopped: database closed\./);
    expect(await free(be.port)).toBe(true);
  });

  it('cuts off a request still running at the deadline, and still exits 0', async () => {
    const be = await start(['--shutdown-ms', '300']);
    const { answer } = await slowCreate(be, 60_000);
    process.kill(be.child.pid!, 'SIGTERM');
    expect(await answer).toBeInstanceOf(Error);
    expect(await be.exited).toEqual({ code: 0, signal: null });
    expect(be.output()).toMatch(/1 request\(s\) still running after 300 ms: cut off/);
    expect(await free(be.port)).toBe(true);
  });
});
