import { parseArgs } from 'node:util';
import { createApp } from './app';
import { COMMANDS, runCommand, type Command } from './cli';
import { Faults, NO_FAULTS, parseBurst } from './faults';
import { listen } from './lifecycle';
import { openStore } from './open-store';
import { DEFAULT_RATE_LIMIT } from './rate-limit';

/**
 * The reference case backend: `npm run backend -- --port 8787 --data ./backend-data --token dev-token`,
 * or `--database postgres://…` (or DATABASE_URL) for PostgreSQL. Listens on 127.0.0.1 by default.
 * Fault flags exist for the sync tests (docs/backend-contract.md).
 * Team commands: `npm run backend -- add-agent "Anna"` (prints Anna's token), `add-group`, `list-agents`.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: './backend-data' },
    database: { type: 'string', default: process.env.DATABASE_URL },
    'sqlite-sync': { type: 'string', default: 'full' },
    'pool-size': { type: 'string', default: '10' },
    token: { type: 'string', default: process.env.BACKEND_TOKEN ?? 'dev-token' },
    url: { type: 'string' },
    test: { type: 'boolean', default: false },
    'rate-limit': { type: 'string', default: String(DEFAULT_RATE_LIMIT.perSecond) },
    'rate-burst': { type: 'string', default: String(DEFAULT_RATE_LIMIT.burst) },
    'shutdown-ms': { type: 'string', default: '10000' },
    'fail-rate': { type: 'string', default: '0' },
    'drop-after-store-rate': { type: 'string', default: '0' },
    'drop-evidence-after-store-rate': { type: 'string', default: '0' },
    'fail-after-store-rate': { type: 'string', default: '0' },
    'latency-ms': { type: 'string', default: '0' },
    'burst-429': { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});

const log = (line: string) => console.log(line);
const sync = values['sqlite-sync'];
if (sync !== 'full' && sync !== 'normal') {
  console.error(`--sqlite-sync is "full" (the default) or "normal", not "${sync}".`);
  process.exit(2);
}
const storeChoice = {
  database: values.database,
  data: values.data,
  sqliteSync: sync,
  poolSize: Number(values['pool-size']),
} as const;

const [command, name] = positionals;
if (command !== undefined) {
  if (!COMMANDS.includes(command as Command)) {
    console.error(`Unknown command "${command}". Commands: ${COMMANDS.join(', ')}; or no command to start the server.`);
    process.exit(2);
  }
  process.exitCode = await runCommand(
    command as Command,
    name,
    { ...storeChoice, url: values.url, token: values.token },
    log,
  );
} else await serve();

async function serve() {
  // From the first moment: a signal during start-up (a slow migration) also stops in order.
  let stop: (signal: string) => Promise<void> = async () => {};
  const onSignal = (signal: NodeJS.Signals) =>
    void stop(signal).then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  // Ctrl-C in a terminal reaches npm and this process both (npm passes it on too): a second
  // signal joins the stop already under way.
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const store = await openStore(storeChoice, log).catch((e: unknown) => {
    console.error(`Cannot open the store: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
  const faults = new Faults({
    ...NO_FAULTS,
    failRate: Number(values['fail-rate']),
    dropAfterStoreRate: Number(values['drop-after-store-rate']),
    dropEvidenceAfterStoreRate: Number(values['drop-evidence-after-store-rate']),
    failAfterStoreRate: Number(values['fail-after-store-rate']),
    latencyMs: Number(values['latency-ms']),
    burst429: values['burst-429'] ? parseBurst(values['burst-429']) : null,
    seed: Number(values.seed),
  });
  const perSecond = Number(values['rate-limit']);
  stop = () => store.close();
  const app = createApp({
    store,
    token: values.token,
    faults,
    test: values.test,
    rateLimit: perSecond > 0 ? { perSecond, burst: Math.max(1, Number(values['rate-burst'])) } : null,
  });
  const running = await listen(app, store, {
    host: values.host,
    port: Number(values.port),
    shutdownMs: Number(values['shutdown-ms']),
    log,
  }).catch(async (e: unknown) => {
    await store.close();
    console.error(`Cannot listen on ${values.host}:${values.port}: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
  stop = running.stop;
  // Tests read this line to find the port when started with --port 0 (and the pid, to check it stopped).
  log(
    `Case backend listening on http://${values.host}:${running.port} (${store.where}${values.test ? ', test mode' : ''}; pid ${process.pid})`,
  );
}
