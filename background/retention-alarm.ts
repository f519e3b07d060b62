import { browser } from 'wxt/browser';
import type { CaptureDb } from '../storage/db';
import { purgeOldMentions, retentionItem } from '../storage/retention';
import { afterStart } from './after-start';
import { dropUnclaimedEvidence } from '../storage/evidence';

const ALARM = 'retention-purge';

/**
 * Purges mentions (and their evidence) past the retention setting once a day (and when the browser
 * starts), and evidence images of captures that were never saved.
 */
export function startRetention(db: CaptureDb): void {
  const purge = async () => {
    const days = await retentionItem.getValue();
    if (days !== null) await purgeOldMentions(db, days);
    await dropUnclaimedEvidence(db);
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void purge().catch(() => {});
  });
  afterStart(async () => {
    if (!(await browser.alarms.get(ALARM)))
      await browser.alarms.create(ALARM, { delayInMinutes: 1, periodInMinutes: 24 * 60 });
  });
}
