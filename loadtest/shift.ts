import { percentile, runShift, type ShiftResult } from './scenario';
import { spawnBackend, type BackendProcess } from './server';

const ADMIN = 'loadtest-admin';
/**
 * About 20 % of all answers fail: 11 % of requests get a 5xx before anything happens, and of the
 * writes that get through, 11 % lose their answer and 11 % get a 502 after they were stored.
 * The printed line gives the share it came to.
 */
const FAULTS = ['--fail-rate', '0.11', '--drop-after-store-rate', '0.11', '--fail-after-store-rate', '0.11'];

/**
 * One store's shift: the server as its own process with those faults, killed with -9 half-way
 * and started again on the same port and data, the agents retrying throughout.
 */
export async function shift(
  store: string,
  storeArgs: string[],
  size: { agents: number; posts: number; seed: number },
): Promise<ShiftResult & { restarts: number }> {
  const { agents, posts, seed } = size;
  let server: BackendProcess = await spawnBackend({
    args: ['--port', '0', '--token', ADMIN, '--test', '--seed', String(seed), ...FAULTS, ...storeArgs],
  });
  const port = String(server.port);
  let restarts = 0;
  const result = await runShift({
    agents,
    posts,
    seed,
    adminToken: ADMIN,
    url: () => server.url,
    // Half-way: kill -9, and start it again on the same port and data (clients retry meanwhile).
    halfway: async () => {
      process.kill(server.pid, 'SIGKILL');
      await server.exited;
      process.stderr.write(`loadtest ${store}: killed the server with -9 half-way; starting it again\n`);
      server = await spawnBackend({
        args: ['--port', port, '--token', ADMIN, '--test', '--seed', String(seed + 1), ...FAULTS, ...storeArgs],
      });
      restarts++;
    },
  });
  process.kill(server.pid, 'SIGTERM');
  await server.exited;
  return { ...result, restarts };
}

export function line(store: string, r: ShiftResult & { restarts: number }): string {
  const t = r.tally;
  return (
    `${store}: agents=${r.agents} posts=${r.posts} cases=${r.cases} duplicates=${r.duplicates} lost=${r.lost} ` +
    `p50=${percentile(t.latencies, 50).toFixed(1)} p95=${percentile(t.latencies, 95).toFixed(1)} ms ` +
    `rps=${(t.requests / r.seconds).toFixed(0)} requests=${t.requests} writes=${r.writes} ` +
    `faulted=${((100 * (t.lost + t.failed5xx)) / t.requests).toFixed(0)}% (lost ${t.lost}, 5xx ${t.failed5xx}) ` +
    `throttled=${t.throttled} restarts=${r.restarts} seconds=${r.seconds.toFixed(0)}`
  );
}
