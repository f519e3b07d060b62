import { contractSuite } from './contract';
import { postgres } from './targets';

// The contract suite (contract/) on PostgreSQL: a fresh database per test (postgres.ts).
contractSuite(postgres);
