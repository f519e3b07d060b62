import { findBrandReply as pickReply, type FoundReply } from '../domain/brand';
import { urlKey } from '../domain/url-key';
import { ProblemError } from '../domain/problem';
import type { CaptureDb } from '../storage/db';
import { readSettings } from '../storage/settings';
import { readAllOnTab } from './capture-tab';

/**
 * Reads the tab's page (only when the agent asks, through the side panel) for a reply by one of
 * the brand's own accounts to the case's post: what "Mark as answered" then offers, with the
 * reply's permalink.
 */
export async function findBrandReply(db: CaptureDb, caseId: string, tabId: number): Promise<FoundReply | null> {
  const [c, settings] = await Promise.all([db.cases.get(caseId), readSettings()]);
  if (!c) throw new ProblemError('case_not_found', { caseId });
  if (!settings.brandAccounts.length) return null;
  const mentions = await db.mentions.bulkGet(c.mentionIds);
  const keys = new Set(mentions.flatMap((m) => (m ? [m.urlKey] : [])));
  const all = await readAllOnTab(tabId);
  if (!all) return null;
  return pickReply(all, keys, settings.brandAccounts, urlKey);
}
