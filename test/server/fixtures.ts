import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app';
import { Faults, NO_FAULTS, type FaultConfig } from '../../server/faults';
import { CaseStore } from '../../server/store';
import type { Mention } from '../../domain/mention';
import { mention } from '../helpers';

export const TOKEN = 'test-token';

export interface Running {
  url: string;
  store: CaseStore;
  faults: Faults;
  dir: string;
  close(): Promise<void>;
}

/** Starts the reference backend in-process on a free loopback port. */
export async function startBackend(
  faults: Partial<FaultConfig> = {},
  dir = mkdtempSync(join(tmpdir(), 'cc-backend-')),
): Promise<Running> {
  const store = new CaseStore(dir);
  const f = new Faults({ ...NO_FAULTS, ...faults });
  const server: Server = createServer(createApp({ store, token: TOKEN, faults: f, test: true }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    faults: f,
    dir,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => (store.close(), r()));
      }),
  };
}

/** The shared sample mention, numbered so each capture is a different post. */
export function sampleMention(n = 1, over: Partial<Mention> = {}): Mention {
  return mention({
    url: `https://x.com/marloesdv/status/${17900000000 + n}`,
    postId: String(17900000000 + n),
    ...over,
  });
}
