import { contractSuite } from './contract';
import { postgresPair } from './targets';

// The contract suite (contract/) against two instances on one PostgreSQL, each request sent to
// the other instance than the one before (round-robin.ts): they must answer as one.
contractSuite(postgresPair);
