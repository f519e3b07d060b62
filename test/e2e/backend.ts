import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Backend {
  url: string;
  token: string;
  stats(withUrls?: boolean): Promise<{
    cases: number;
    distinctUrls: number;
    duplicateUrls: number;
    urls?: string[];
    creates: Record<string, number>;
    faults: Record<string, number>;
  }>;
  setFaults(f: Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the reference backend (`npm run backend`) as its own process on a free port, in test mode. */
export async function startBackend(flags: string[] = []): Promise<Backend> {
  const data = mkdtempSync(join(tmpdir(), 'cc-backend-'));
  const token = `e2e-${Math.random().toString(36).slice(2)}`;
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/main.ts', '--port', '0', '--data', data, '--token', token, '--test', ...flags],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      // The test's own SQLite folder, even when the shell names a PostgreSQL database.
      env: { ...process.env, DATABASE_URL: '' },
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`backend exited with ${code}: ${out}`)));
    setTimeout(() => reject(new Error(`backend did not start: ${out}`)), 30_000);
  });
  return {
    url,
    token,
    stats: async (withUrls = false) => (await fetch(`${url}/api/_stats${withUrls ? '?urls=1' : ''}`)).json(),
    setFaults: async (f) => void (await fetch(`${url}/api/_faults`, { method: 'PUT', body: JSON.stringify(f) })),
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(data, { recursive: true, force: true });
    },
  };
}
