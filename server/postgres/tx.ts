import type pg from 'pg';
import type { EventRow } from '../store-rows';

/**
 * Transactions of the PostgreSQL store. READ COMMITTED, with the rows a change rewrites locked
 * (`FOR UPDATE`). Two instances racing for the same post or key both try to insert it; the
 * database's unique key lets one through and fails the other with a unique violation, and the
 * loser runs its whole transaction again, where it now finds the winner's case (a deadlock or a
 * serialization failure is retried the same way). So the rule is the database's, never a check in
 * one process's memory.
 */

/** SQLSTATEs after which the transaction is run again from the start. */
const RETRY = new Set(['23505', '40001', '40P01']);
const ATTEMPTS = 8;

export class Tx {
  /** Audit and feed entries of this transaction, written last (see flush). */
  readonly events: EventRow[] = [];

  constructor(readonly client: pg.PoolClient) {}

  async rows<R extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<R[]> {
    return (await this.client.query<R>(sql, values)).rows;
  }

  async one<R extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<R | null> {
    return (await this.rows<R>(sql, values))[0] ?? null;
  }

  /**
   * Writes the events in one statement at the end: the feed's lock (taken by the events trigger)
   * is then held only from here to the commit, not while the rest of the transaction runs.
   */
  async flush(): Promise<void> {
    if (!this.events.length) return;
    const values: unknown[] = [];
    const tuples = this.events.map((e) => {
      values.push(e.at, e.actor.agentId, e.by, e.kind, e.caseId, JSON.stringify(e.detail));
      const n = values.length;
      return `($${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n}::jsonb)`;
    });
    await this.client.query(
      `INSERT INTO events (at, agent_id, by, kind, case_id, detail) VALUES ${tuples.join(', ')}`,
      values,
    );
  }
}

export function sqlState(e: unknown): string | undefined {
  return e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

/** Runs `work` in a transaction, again from the start when it lost a race (see above). */
export async function inTransaction<T>(pool: pg.Pool, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const tx = new Tx(client);
      const out = await work(tx);
      await tx.flush();
      await client.query('COMMIT');
      return out;
    } catch (e) {
      await client.query('ROLLBACK').catch((r: Error) => (broken = r));
      const state = sqlState(e);
      if (!broken && state && RETRY.has(state) && attempt < ATTEMPTS) continue;
      throw e;
    } finally {
      // A connection that could not roll back is dropped, not reused.
      client.release(broken);
    }
  }
}
