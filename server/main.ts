import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { createApp } from './app';
import { Faults, NO_FAULTS, parseBurst } from './faults';
import { CaseStore } from './store';

/**
 * The reference case backend: `npm run backend -- --port 8787 --data ./backend-data --token dev-token`.
 * Listens on 127.0.0.1 only. Fault flags exist for the sync tests (docs/backend-contract.md).
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: './backend-data' },
    token: { type: 'string', default: process.env.BACKEND_TOKEN ?? 'dev-token' },
    test: { type: 'boolean', default: false },
    'fail-rate': { type: 'string', default: '0' },
    'drop-after-store-rate': { type: 'string', default: '0' },
    'latency-ms': { type: 'string', default: '0' },
    'burst-429': { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});

const store = new CaseStore(values.data);
const faults = new Faults({
  ...NO_FAULTS,
  failRate: Number(values['fail-rate']),
  dropAfterStoreRate: Number(values['drop-after-store-rate']),
  latencyMs: Number(values['latency-ms']),
  burst429: values['burst-429'] ? parseBurst(values['burst-429']) : null,
  seed: Number(values.seed),
});
const server = createServer(createApp({ store, token: values.token, faults, test: values.test }));
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
  server.close(() => (store.close(), process.exit(0)));
  server.closeAllConnections();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
