/**
 * Chromium driven over its own DevTools pipe, without Playwright. Playwright attaches to every
 * service worker that starts and holds it paused until it has set up its session
 * (Target.setAutoAttach with waitForDebuggerOnStart); a cold start timed under Playwright would
 * include that round trip to Node. Here nothing attaches to the workers: the bench discovers them,
 * attaches to one extension page per extension, and evaluates in that page only.
 *
 * Wire format of --remote-debugging-pipe: JSON messages ended by a NUL byte, written to the
 * browser's fd 3 and read from its fd 4.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CHROMIUM_PATH, chromiumArgs } from '../../test/e2e/chromium';

type Params = Record<string, unknown>;
interface Message {
  id?: number;
  method?: string;
  params?: Params;
  sessionId?: string;
  result?: Params;
  error?: { message: string };
}

export interface PipeBrowser {
  /** Sends a command (to a session when `sessionId` is given) and returns its result. */
  send<T = Params>(method: string, params?: Params, sessionId?: string): Promise<T>;
  /** Calls `fn` for every event of that name (any session); returns a function that stops it. */
  on(method: string, fn: (params: Params, sessionId?: string) => void): () => void;
  /** Evaluates an expression in a page session, awaiting a promise, and returns its value. */
  evaluate<T>(sessionId: string, expression: string): Promise<T>;
  close(): Promise<void>;
}

/** Headless Chromium with the given unpacked extensions, on a throw-away profile. */
export async function launchPipe(extensionDirs: string[]): Promise<PipeBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'cc-bench-pipe-'));
  const child: ChildProcess = spawn(
    CHROMIUM_PATH,
    [
      '--headless',
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      ...chromiumArgs(extensionDirs.join(','), 'en-US'),
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  let nextId = 1;
  const pending = new Map<number, { ok: (r: Params) => void; fail: (e: Error) => void }>();
  const listeners = new Map<string, Set<(p: Params, s?: string) => void>>();
  let buffer = '';
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf('\0')) >= 0) {
      const msg = JSON.parse(buffer.slice(0, end)) as Message;
      buffer = buffer.slice(end + 1);
      if (msg.id !== undefined) {
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        if (msg.error) p?.fail(new Error(msg.error.message));
        else p?.ok(msg.result ?? {});
      } else if (msg.method) for (const fn of listeners.get(msg.method) ?? []) fn(msg.params ?? {}, msg.sessionId);
    }
  });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  void exited.then(() => {
    for (const p of pending.values()) p.fail(new Error('Chromium exited'));
  });

  const send = <T = Params>(method: string, params: Params = {}, sessionId?: string) =>
    new Promise<T>((ok, fail) => {
      const id = nextId++;
      pending.set(id, { ok: ok as (r: Params) => void, fail });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  const on = (method: string, fn: (p: Params, s?: string) => void) => {
    const set = listeners.get(method) ?? new Set();
    listeners.set(method, set);
    set.add(fn);
    return () => void set.delete(fn);
  };
  const evaluate = async <T>(sessionId: string, expression: string): Promise<T> => {
    const r = await send<{ result: { value: T }; exceptionDetails?: { exception?: { description?: string } } }>(
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true },
      sessionId,
    );
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? 'evaluation failed');
    return r.result.value;
  };
  return {
    send,
    on,
    evaluate,
    close: async () => {
      await send('Browser.close').catch(() => {});
      await Promise.race([exited, new Promise((ok) => setTimeout(ok, 5000))]);
      child.kill();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits for the first event of that name for which `match` holds. */
export function waitEvent(
  browser: PipeBrowser,
  method: string,
  match: (p: Params) => boolean,
  timeoutMs = 30_000,
): Promise<Params> {
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => {
      off();
      fail(new Error(`no ${method} within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = browser.on(method, (p) => {
      if (!match(p)) return;
      clearTimeout(timer);
      off();
      ok(p);
    });
  });
}
