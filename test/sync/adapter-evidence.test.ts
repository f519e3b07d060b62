import { afterEach, describe, expect, it } from 'vitest';
import { EvidenceListSchema } from '../../contract/evidence';
import { evidenceSha256 } from '../../domain/evidence-hash';
import { UnknownOutcomeError, type EvidenceInput } from '../../sync/adapter';
import { freshdeskAdapter } from '../../sync/adapters/freshdesk';
import { httpContractAdapter } from '../../sync/adapters/http-contract';
import { zendeskAdapter } from '../../sync/adapters/zendesk';
import { sampleEvidence } from '../evidence/fixtures';
import { FakeFreshdesk } from '../fakes/freshdesk';
import { FakeZendesk } from '../fakes/zendesk';
import { call, createBody, startBackend, TOKEN, type Running } from '../server/fixtures';
import { sampleMention } from '../server/fixtures';

async function evidenceFor(remoteId: string, over: Partial<EvidenceInput> = {}): Promise<EvidenceInput> {
  const e = await sampleEvidence();
  return {
    remoteId,
    idempotencyKey: crypto.randomUUID(),
    sha256: e.sha256,
    json: e.json,
    image: e.png,
    capturedAt: e.capturedAt,
    pageUrl: e.pageUrl,
    partial: false,
    lookFirst: false,
    ...over,
  };
}

/** A fetch whose answers to requests matching `lost` never arrive (the backend did act on them). */
function losing(fetch: typeof globalThis.fetch, lost: RegExp): typeof globalThis.fetch {
  let dropped = false;
  return (async (url: string, init?: RequestInit) => {
    const res = await fetch(url, init);
    if (!dropped && lost.test(`${init?.method ?? 'GET'} ${new URL(url).pathname}`)) {
      dropped = true;
      throw new TypeError('Failed to fetch');
    }
    return res;
  }) as typeof globalThis.fetch;
}

const sampleInput = () => ({
  caseId: 'c1',
  idempotencyKey: crypto.randomUUID(),
  mention: sampleMention(1),
  category: 'billing' as const,
  severity: 'high' as const,
  note: '',
  capturedBy: 'Sanne',
});

describe('zendesk evidence', () => {
  it('uploads the image and its JSON, then attaches both tokens to one private comment that names the hash', async () => {
    const zd = new FakeZendesk();
    const creds = zd.addAgent('Sanne').credentials;
    const a = zendeskAdapter(zd.base, creds, { fetch: zd.fetch, timeoutMs: 1000, now: zd.clock.now });
    const ticket = await a.create(sampleInput());
    zd.log.length = 0;
    const e = await evidenceFor(ticket.id);
    await a.sendEvidence(e);
    const short = e.sha256.slice(0, 12);
    expect(zd.log).toEqual([
      `POST /api/v2/uploads?filename=evidence-${short}.png`,
      `POST /api/v2/uploads?filename=evidence-${short}.json`,
      `PUT /api/v2/tickets/${ticket.id}`,
    ]);
    const comment = zd.commentsOf(Number(ticket.id)).at(-1)!;
    expect(comment.public).toBe(false);
    expect(comment.body).toContain(`Evidence (SHA-256 ${e.sha256})`);
    const [png, json] = comment.attachments;
    expect(png!.file_name).toBe(`evidence-${short}.png`);
    // What Zendesk holds is enough to check the hash there.
    expect(await evidenceSha256(png!.bytes, new TextDecoder().decode(json!.bytes))).toBe(e.sha256);
  });

  it('after a lost answer looks at the ticket first and comments once', async () => {
    const zd = new FakeZendesk();
    const creds = zd.addAgent('Sanne').credentials;
    const fetch = losing(zd.fetch, /^PUT \/api\/v2\/tickets\/\d+$/);
    const a = zendeskAdapter(zd.base, creds, { fetch, timeoutMs: 1000, now: zd.clock.now });
    const ticket = await a.create(sampleInput());
    const e = await evidenceFor(ticket.id);
    await expect(a.sendEvidence(e)).rejects.toBeInstanceOf(UnknownOutcomeError);
    await a.sendEvidence({ ...e, lookFirst: true });
    const evidence = zd.commentsOf(Number(ticket.id)).filter((c) => c.body.includes(e.sha256));
    expect(evidence).toHaveLength(1);
    expect(zd.log.at(-1)).toMatch(/^GET \/api\/v2\/tickets\/\d+\/comments\?sort_order=desc/);
  });
});

describe('freshdesk evidence', () => {
  it('adds one private note with the image and its JSON as attachments[] (multipart)', async () => {
    const fd = new FakeFreshdesk();
    const creds = fd.addAgent('Sanne').credentials;
    const a = freshdeskAdapter(fd.base, creds, { fetch: fd.fetch, timeoutMs: 1000, now: fd.clock.now });
    const ticket = await a.create(sampleInput());
    fd.log.length = 0;
    const e = await evidenceFor(ticket.id);
    await a.sendEvidence(e);
    expect(fd.log).toEqual([`POST /api/v2/tickets/${ticket.id}/notes`]);
    const note = fd.notes.at(-1)!;
    expect(note.private).toBe(true);
    expect(note.body_text).toContain(`Evidence (SHA-256 ${e.sha256})`);
    expect(note.attachments.map((f) => [f.name, f.content_type])).toEqual([
      [`evidence-${e.sha256.slice(0, 12)}.png`, 'image/png'],
      [`evidence-${e.sha256.slice(0, 12)}.json`, 'application/json'],
    ]);
    expect(await evidenceSha256(note.attachments[0]!.bytes, new TextDecoder().decode(note.attachments[1]!.bytes))).toBe(
      e.sha256,
    );
  });

  it('after a lost answer reads the conversations first and adds the note once', async () => {
    const fd = new FakeFreshdesk();
    const creds = fd.addAgent('Sanne').credentials;
    const fetch = losing(fd.fetch, /^POST \/api\/v2\/tickets\/\d+\/notes$/);
    const a = freshdeskAdapter(fd.base, creds, { fetch, timeoutMs: 1000, now: fd.clock.now });
    const ticket = await a.create(sampleInput());
    const e = await evidenceFor(ticket.id);
    await expect(a.sendEvidence(e)).rejects.toBeInstanceOf(UnknownOutcomeError);
    await a.sendEvidence({ ...e, lookFirst: true });
    expect(fd.notes.filter((n) => n.body_text.includes(e.sha256))).toHaveLength(1);
  });
});

describe('own contract evidence', () => {
  let be: Running | undefined;
  afterEach(async () => {
    await be?.close();
    be = undefined;
  });

  it('POSTs to the case with its own key; a replay after a lost answer keeps one copy', async () => {
    be = await startBackend({ dropEvidenceAfterStoreRate: 1 });
    const created = await call(be, 'POST', '/api/cases', {
      body: createBody(1),
      headers: { 'Idempotency-Key': crypto.randomUUID() },
    });
    const caseId = (created.body as { id: string }).id;
    const a = httpContractAdapter(be.url, { token: TOKEN }, { fetch: (...x) => fetch(...x), timeoutMs: 5000 });
    const e = await evidenceFor(caseId);
    await expect(a.sendEvidence(e)).rejects.toBeInstanceOf(UnknownOutcomeError);
    await a.sendEvidence({ ...e, lookFirst: true });
    const list = EvidenceListSchema.parse((await call(be, 'GET', `/api/cases/${caseId}/evidence`)).body);
    expect(list.evidence.map((x) => x.sha256)).toEqual([e.sha256]);
    expect(be.faults.counts.droppedEvidenceAfterStore).toBe(1);
  });
});

describe('own contract without the evidence endpoint', () => {
  it('takes 404 as "this backend keeps no evidence", and fails on other refusals', async () => {
    const { fakeFetch } = await import('./fake-fetch');
    const e = await evidenceFor('r1');
    const none = fakeFetch({ status: 404, body: { error: 'No route POST /api/cases/r1/evidence' } });
    await httpContractAdapter(
      'https://cases.example',
      { token: 't' },
      { fetch: none.fetch, timeoutMs: 1000 },
    ).sendEvidence(e);
    expect(none.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST https://cases.example/api/cases/r1/evidence',
    ]);
    expect(none.requests[0]!.headers['idempotency-key']).toBe(e.idempotencyKey);
    const refused = fakeFetch({ status: 422, body: { error: 'sha256 does not match' } });
    await expect(
      httpContractAdapter(
        'https://cases.example',
        { token: 't' },
        { fetch: refused.fetch, timeoutMs: 1000 },
      ).sendEvidence(e),
    ).rejects.toThrow(/422: sha256 does not match/);
  });
});
