import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { stopCluster } from '../../scripts/pg-cluster';

/**
 * Vitest global setup: a place where the first test worker that needs PostgreSQL records the
 * throwaway cluster it started (postgres.ts), and the teardown that stops it. A run that needs
 * no PostgreSQL starts none.
 */
export default function setup(project: TestProject) {
  const state = mkdtempSync(join(tmpdir(), 'cc-pg-state-'));
  project.provide('pgState', state);
  return async () => {
    const found = join(state, 'cluster.json');
    if (existsSync(found)) await stopCluster((JSON.parse(readFileSync(found, 'utf8')) as { dir: string }).dir);
    rmSync(state, { recursive: true, force: true });
  };
}
