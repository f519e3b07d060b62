import type { Target } from '../targets';
import { batchSuite } from './batch';
import { casesSuite } from './cases';
import { edgeSuite } from './edge';
import { eventsSuite } from './events';
import { evidenceSuite } from './evidence';
import { teamSuite } from './team';

/** The whole contract suite, for one target. A new suite file goes in this list. */
export function contractSuite(target: Target): void {
  casesSuite(target);
  batchSuite(target);
  teamSuite(target);
  eventsSuite(target);
  edgeSuite(target);
  evidenceSuite(target);
}
