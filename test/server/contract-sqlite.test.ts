import { contractSuite } from './contract';
import { sqlite } from './targets';

// The contract suite (contract/) on the embedded SQLite store.
contractSuite(sqlite);
