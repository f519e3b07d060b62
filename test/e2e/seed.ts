/**
 * Fixture cases for the queue's tests and for `npm run screenshots`: built with the product's own
 * builders (newCase, toStoredMention, newOutboxEntry) and written by the background itself (the e2e
 * build exposes its database to the service worker), so every row gets its queue keys exactly as
 * a capture would.
 */
import type { Case, CaptureReview, StoredMention } from '../../domain/case';
import { newCase } from '../../domain/case-records';
import { MentionSchema, type Mention } from '../../domain/mention';
import { newOutboxEntry, type OutboxEntry } from '../../domain/outbox';
import type { Settings } from '../../domain/settings';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import { toStoredMention } from '../../domain/stored-mention';
import type { BrowserDriver } from './driver';

const HOUR = 3_600_000;

export interface Rows {
  cases: Case[];
  mentions: StoredMention[];
  outbox: OutboxEntry[];
}

/** Writes rows through the background's own database (and its case-keys middleware). */
export async function seedRows(driver: BrowserDriver, rows: Rows): Promise<void> {
  await driver.background(async (g, rows) => {
    const db = g.__cc.db;
    await db.transaction('rw', db.cases, db.mentions, db.outbox, async () => {
      await db.mentions.bulkPut(rows.mentions);
      await db.cases.bulkPut(rows.cases);
      if (rows.outbox.length) await db.outbox.bulkAdd(rows.outbox);
    });
    return null;
  }, rows);
}

/** Sets the options as the options page would save them. */
export async function seedSettings(driver: BrowserDriver, settings: Partial<Settings>): Promise<void> {
  await driver.background(
    async (g, s) => {
      const api = g.__cc.browser as unknown as { storage: { local: { set(v: object): Promise<void> } } };
      await api.storage.local.set({ settings: s, settings$: { v: 3 } });
      return null;
    },
    { ...DEFAULT_SETTINGS, ...settings },
  );
}

/** A mention of the given post, as the extractor would have read it. */
export function post(p: Partial<Mention> & Pick<Mention, 'url' | 'text'>): Mention {
  return MentionSchema.parse({
    platform: 'x',
    kind: 'post',
    postId: null,
    author: { name: null, handle: null, profileUrl: null, followers: null },
    title: null,
    publishedAt: null,
    language: 'nl',
    parentUrl: null,
    metrics: { views: null, likes: null, reposts: null, replies: null },
    warnings: [],
    capturedAt: new Date().toISOString(),
    ...p,
  });
}

/** One case of `mention`, captured `hoursAgo` ago, with whatever else the test sets on it. */
export function caseOf(
  mention: Mention,
  review: CaptureReview,
  hoursAgo: number,
  extra: Partial<Case> = {},
  agent = 'Sanne',
): { kase: Case; mention: StoredMention } {
  const at = new Date(Date.now() - hoursAgo * HOUR).toISOString();
  const id = crypto.randomUUID();
  const mentionId = crypto.randomUUID();
  const kase = newCase({ id, mentionId, mention, review, agent, at, syncEnabled: false });
  return { kase: { ...kase, ...extra }, mention: toStoredMention({ ...mention, capturedAt: at }, mentionId, id) };
}

/** The options a webcare team would set (in its own language): who the agent is, the brand's accounts, protocols. */
export function teamSettings(lang: 'en' | 'nl' = 'en'): Partial<Settings> {
  const nl = lang === 'nl';
  return {
    agentName: 'Sanne',
    brandAccounts: [
      { platform: 'x', handle: 'ZiggoWebcare' },
      { platform: 'blog', handle: 'Webcare van Ziggo' },
    ],
    protocols: {
      outage: {
        text: nl
          ? 'Kijk eerst op de storingskaart. Geef het storingsnummer en een verwachte tijd; beloof geen vergoeding.'
          : 'Check the outage map first. Give the outage number and an expected time; never promise a refund.',
        owner: 'Team Netwerk',
      },
      billing: {
        text: nl
          ? 'Vraag het klantnummer in een privébericht; terugbetalingen boven €50 gaan naar Financiën.'
          : 'Ask for the customer number in a direct message; refunds over €50 go to Finance.',
        owner: 'Team Facturen',
      },
    },
  };
}

/**
 * A varied queue: the blog post of `pageUrl` (critical outage, overdue, unassigned), a queued case
 * whose backend cannot be reached, a sent one with its ticket, one the backend refused, an
 * answered one, a closed one, and more to fill the list.
 */
export function workbenchRows(pageUrl: string, lang: 'en' | 'nl' = 'en'): Rows {
  const rows: Rows = { cases: [], mentions: [], outbox: [] };
  const add = (c: { kase: Case; mention: StoredMention }, outbox: OutboxEntry[] = []) => {
    rows.cases.push(c.kase);
    rows.mentions.push(c.mention);
    rows.outbox.push(...outbox);
    return c.kase;
  };
  const rv = (
    category: CaptureReview['category'],
    severity: CaptureReview['severity'],
    owner: string | null = null,
  ) => ({
    category,
    severity,
    owner,
    note: '',
  });
  add(
    caseOf(
      post({
        platform: 'blog',
        url: pageUrl,
        title: 'Drie weken zonder internet',
        author: { name: 'Anouk de Vries', handle: null, profileUrl: null, followers: null },
        text: 'Al drie weken heb ik geen internet en niemand van de klantenservice belt terug. Elke keer dat ik bel moet ik mijn verhaal opnieuw vertellen.',
        publishedAt: new Date(Date.now() - 5 * HOUR).toISOString(),
      }),
      rv('outage', 'critical'),
      3,
    ),
  );
  const queued = caseOf(
    post({
      url: 'https://x.com/marloesdv/status/1790000000000000001',
      postId: '1790000000000000001',
      author: {
        name: 'Marloes de Vries',
        handle: 'marloesdv',
        profileUrl: 'https://x.com/marloesdv',
        followers: 40_200,
      },
      text: 'Weer €89 afgeschreven terwijl ik mijn abonnement al in september heb opgezegd. @Ziggo wanneer krijg ik mijn geld terug?',
      metrics: { views: 48_200, likes: 15, reposts: 20, replies: 312 },
      publishedAt: new Date(Date.now() - 2 * HOUR).toISOString(),
    }),
    rv('billing', 'high', 'Sanne'),
    1.5,
    { syncState: 'queued' },
  );
  add(queued, [
    {
      ...newOutboxEntry({
        caseId: queued.kase.id,
        op: 'create',
        idempotencyKey: queued.kase.idempotencyKey,
        at: Date.now(),
      }),
      attempts: 3,
      nextAttemptAt: Date.now() + 4 * 60_000,
      lastError: 'Zendesk: network error',
      lastProblem: { code: 'sync_network', params: { backend: 'Zendesk' } },
    },
  ]);
  add(
    caseOf(
      post({
        platform: 'mastodon',
        url: 'https://mastodon.social/@pieter/113000000000000001',
        postId: '113000000000000001',
        author: { name: 'Pieter Jansen', handle: 'pieter@mastodon.social', profileUrl: null, followers: 1_830 },
        text: 'Pakket zou gisteren bezorgd worden, track & trace zegt al drie dagen "onderweg".',
        publishedAt: new Date(Date.now() - 20 * HOUR).toISOString(),
      }),
      rv('delivery', 'medium', 'Joost'),
      19,
      {
        status: 'open',
        syncState: 'sent',
        backend: {
          adapter: 'zendesk',
          id: '48213',
          url: 'https://ziggo.zendesk.com/agent/tickets/48213',
          syncedAt: new Date().toISOString(),
        },
      },
    ),
  );
  add(
    caseOf(
      post({
        platform: 'reddit',
        url: 'https://www.reddit.com/r/thenetherlands/comments/1abcde/ziggo_storing/',
        author: { name: null, handle: 'boze_buurman', profileUrl: null, followers: null },
        title: 'Ziggo storing al de hele avond?',
        text: 'Iemand anders ook al de hele avond geen tv en internet in Amersfoort? Klantenservice is onbereikbaar.',
        publishedAt: new Date(Date.now() - 7 * HOUR).toISOString(),
      }),
      rv('service', 'low'),
      6,
      {
        syncState: 'failed',
        syncError: 'Zendesk answered 422',
        // The backend's own words, in the team's language.
        syncProblem: {
          code: 'sync_http',
          params: {
            backend: 'Zendesk',
            status: '422',
            detail: lang === 'nl' ? 'E-mailadres van de aanvrager is ongeldig' : 'Requester email is invalid',
          },
        },
      },
    ),
  );
  add(
    caseOf(
      post({
        platform: 'blog',
        kind: 'comment',
        url: 'https://blog.example.nl/2026/11/contract/#comment-42',
        parentUrl: 'https://blog.example.nl/2026/11/contract/',
        author: { name: 'Kees Bakker', handle: null, profileUrl: null, followers: null },
        text: 'Mijn contract is zonder bericht verlengd met twee jaar.',
        publishedAt: new Date(Date.now() - 30 * HOUR).toISOString(),
      }),
      rv('contract', 'medium', 'Sanne'),
      28,
      {
        status: 'waiting',
        firstResponse: {
          url: 'https://blog.example.nl/2026/11/contract/#comment-43',
          at: new Date(Date.now() - 26 * HOUR).toISOString(),
          by: 'Sanne',
        },
      },
    ),
  );
  add(
    caseOf(
      post({
        url: 'https://x.com/grappenmaker/status/1790000000000000099',
        postId: '1790000000000000099',
        author: { name: 'Grappenmaker', handle: 'grappenmaker', profileUrl: null, followers: 210 },
        text: 'Mijn internet is zo traag dat ik sneller een duif kan sturen 🐦',
        publishedAt: new Date(Date.now() - 50 * HOUR).toISOString(),
      }),
      rv('other', 'low'),
      48,
      {
        status: 'resolved',
        dismissal: { reason: 'Grap, geen klacht', at: new Date(Date.now() - 47 * HOUR).toISOString(), by: 'Joost' },
      },
    ),
  );
  const more: [string, string, CaptureReview['category'], CaptureReview['severity'], string | null, number][] = [
    ['Fatima El Amrani', 'Al twee keer een monteur gehad en de storing is er nog steeds.', 'outage', 'high', null, 8],
    ['Bram Visser', 'Factuur klopt niet: ik betaal voor 1000 Mbit en krijg er 200.', 'billing', 'medium', 'Joost', 30],
    ['Lotte Smit', 'Nieuwe modem besteld, bezorging steeds uitgesteld.', 'delivery', 'low', null, 40],
    ['Daan Mulder', 'Wachttijd klantenservice vandaag 55 minuten.', 'service', 'medium', 'Sanne', 12],
    ['Sem de Boer', 'Contract overgezet naar mijn vrouw, nu twee rekeningen.', 'billing', 'high', null, 4],
    ['Eva Meijer', 'Wifi valt elke avond om negen uur weg.', 'outage', 'medium', null, 16],
  ];
  more.forEach(([name, text, category, severity, owner, hours], i) =>
    add(
      caseOf(
        post({
          url: `https://x.com/klant${i}/status/${1790000000000001000 + i}`,
          postId: String(1790000000000001000 + i),
          author: { name, handle: `klant${i}`, profileUrl: null, followers: [120, 3400, 880, 15_000, 64, 2_100][i]! },
          text,
          publishedAt: new Date(Date.now() - (hours + 1) * HOUR).toISOString(),
        }),
        rv(category, severity, owner),
        hours,
      ),
    ),
  );
  return rows;
}
