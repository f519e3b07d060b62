import { spawn, type ChildProcess } from 'node:child_process';

/**
 * The reference backend as its own process, the way a team runs it: `node --import tsx
 * server/main.ts` (what `npm run backend` execs), or through `npm run backend` itself. Used by
 * the load test, the bench, and the tests that stop or kill the server.
 */
export interface BackendProcess {
  url: string;
  port: number;
  /** The server's own pid (from its start-up line): with `npm`, not the pid of npm. */
  pid: number;
  child: ChildProcess;
  /** Resolves when the spawned process (npm, or the server) has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when its output has ended: every process writing to it (npm and the server) is gone. */
  closed: Promise<void>;
  /** Everything it printed so far. */
  output(): string;
}

export interface SpawnOptions {
  args: string[];
  /** `npm`: `npm run backend -- …args`, in its own process group (to send it a Ctrl-C). */
  via?: 'node' | 'npm';
  /** Added to the environment; DATABASE_URL is never inherited (the caller picks the store). */
  env?: Record<string, string>;
  startMs?: number;
}

export async function spawnBackend(opts: SpawnOptions): Promise<BackendProcess> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const child =
    opts.via === 'npm'
      ? spawn('npm', ['run', '--silent', 'backend', '--', ...opts.args], {
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...env, ...opts.env },
          detached: true,
        })
      : spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...opts.args], {
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...env, ...opts.env },
        });
  let out = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const started = await new Promise<{ url: string; port: number; pid: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`backend did not start:\n${out}`)), opts.startMs ?? 60_000);
    const look = () => {
      const m = /listening on (http:\/\/[\d.]+:(\d+)) \(.*pid (\d+)\)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', look);
      resolve({ url: m[1]!, port: Number(m[2]), pid: Number(m[3]) });
    };
    child.stdout!.on('data', look);
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`backend exited with ${code}:\n${out}`));
    });
  });
  return { ...started, child, exited, closed, output: () => out };
}

/** Whether a process with this pid exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
