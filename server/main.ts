import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { createApp } from './app';
import { COMMANDS, runCommand, type Command } from './cli';
import { Faults, NO_FAULTS, parseBurst } from './faults';
import { SqliteStore } from './sqlite/store';

/**
 * The reference case backend: `npm run backend -- --port 8787 --data ./backend-data --token dev-token`.
 * Listens on 127.0.0.1 only. Fault flags exist for the sync tests (docs/backend-contract.md).
 * Team commands: `npm run backend -- add-agent "Anna"` (prints Anna's token), `add-group`, `list-agents`.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: './backend-data' },
    token: { type: 'string', default: process.env.BACKEND_TOKEN ?? 'dev-token' },
    url: { type: 'string' },
    test: { type: 'boolean', default: false },
    'fail-rate': { type: 'string', default: '0' },
    'drop-after-store-rate': { type: 'string', default: '0' },
    'drop-evidence-after-store-rate': { type: 'string', default: '0' },
    'latency-ms': { type: 'string', default: '0' },
    'burst-429': { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});

const [command, name] = positionals;
if (command !== undefined) {
  if (!COMMANDS.includes(command as Command)) {
    console.error(`Unknown command "${command}". Commands: ${COMMANDS.join(', ')}; or no command to start the server.`);
    process.exit(2);
  }
  process.exitCode = await runCommand(
    command as Command,
    name,
    { data: values.data, url: values.url, token: values.token },
    (l) => console.log(l),
  );
} else serve();

function serve() {
  const store = new SqliteStore(values.data);
  const faults = new Faults({
    ...NO_FAULTS,
    failRate: Number(values['fail-rate']),
    dropAfterStoreRate: Number(values['drop-after-store-rate']),
    dropEvidenceAfterStoreRate: Number(values['drop-evidence-after-store-rate']),
    latencyMs: Number(values['latency-ms']),
    burst429: values['burst-429'] ? parseBurst(values['burst-429']) : null,
    seed: Number(values.seed),
  });
  const app = createApp({ store, token: values.token, faults, test: values.test });
  const server = createServer(app);
  server.keepAliveTimeout = 30_000;
  server.listen(Number(values.port), values.host, () => {
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : values.port;
    // Tests read this line to find the port when started with --port 0.
    console.log(
      `Case backend listening on http://${values.host}:${port} (data: ${values.data}${values.test ? ', test mode' : ''})`,
    );
  });

  const stop = () => {
    app.hub.closeAll();
    server.close(() => void store.close().then(() => process.exit(0)));
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
