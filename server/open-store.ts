import { PgStore } from './postgres/store';
import type { SqliteSync } from './sqlite/schema';
import { SqliteStore } from './sqlite/store';
import type { CaseStore } from './store';

/** Where the data is: `--database postgres://…` (or DATABASE_URL), else the SQLite data folder. */
export interface StoreChoice {
  /** A PostgreSQL URL, or undefined for the embedded SQLite store. */
  database?: string;
  /** The SQLite data folder. */
  data: string;
  sqliteSync?: SqliteSync;
  poolSize?: number;
}

/** The store the options name; a URL that is not PostgreSQL's is refused with what to give instead. */
export async function openStore(choice: StoreChoice, log: (line: string) => void = () => {}): Promise<CaseStore> {
  const url = choice.database?.trim();
  if (!url) return new SqliteStore(choice.data, { sync: choice.sqliteSync, log });
  if (!/^postgres(ql)?:\/\//i.test(url))
    throw new Error(
      `--database takes a PostgreSQL URL (postgres://user:password@host:5432/dbname); leave it out to keep the data in SQLite under --data.`,
    );
  return PgStore.open(url, { poolSize: choice.poolSize, log });
}
