import { describe, expect, it } from 'vitest';
import { EvidenceListSchema } from '../../../contract/evidence';
import { evidenceSha256, fromBase64, toBase64 } from '../../../domain/evidence-hash';
import { sampleEvidence } from '../../evidence/fixtures';
import { addAgent, call, createBody } from '../fixtures';
import { useBackend, type Backend, type Target } from '../targets';

async function newCase(b: Backend): Promise<string> {
  const r = await call(b, 'POST', '/api/cases', {
    body: createBody(1),
    headers: { 'Idempotency-Key': crypto.randomUUID() },
  });
  return (r.body as { id: string }).id;
}

async function upload(b: Backend, caseId: string, key: string, over: { sha256?: string; token?: string } = {}) {
  const e = await sampleEvidence();
  return {
    e,
    r: await call(b, 'POST', `/api/cases/${caseId}/evidence`, {
      token: over.token,
      headers: { 'Idempotency-Key': key },
      body: { sha256: over.sha256 ?? e.sha256, json: e.json, image: { type: 'image/png', base64: toBase64(e.png) } },
    }),
  };
}

/** The evidence endpoint: the file and its hash kept once, a body whose hash does not match refused. */
export function evidenceSuite(target: Target) {
  describe(`${target.name}: the evidence endpoint`, () => {
    const ctx = useBackend(target);

    it('keeps the file and the hash once per key and per hash, and the case history says so', async () => {
      const be = await ctx.start();
      const anna = await addAgent(be, 'Anna');
      const caseId = await newCase(be);
      const key = crypto.randomUUID();
      const first = await upload(be, caseId, key, { token: anna });
      expect(first.r.status).toBe(201);
      expect(first.r.body).toMatchObject({
        caseId,
        sha256: first.e.sha256,
        by: 'Anna',
        imageBytes: first.e.png.length,
      });
      // The same key again (the answer was lost), and the same evidence under another key: no second copy.
      expect((await upload(be, caseId, key, { token: anna })).r.status).toBe(200);
      expect((await upload(be, caseId, crypto.randomUUID(), { token: anna })).r.status).toBe(200);
      const list = EvidenceListSchema.parse((await call(be, 'GET', `/api/cases/${caseId}/evidence`)).body);
      expect(list.evidence.map((x) => x.sha256)).toEqual([first.e.sha256]);
      // The stored file and JSON give the same hash back.
      const file = (await call(be, 'GET', `/api/cases/${caseId}/evidence/${list.evidence[0]!.id}`)).body as {
        json: string;
        image: { base64: string };
      };
      expect(await evidenceSha256(fromBase64(file.image.base64), file.json)).toBe(first.e.sha256);
      const history = (await call(be, 'GET', `/api/cases/${caseId}/history`)).body as {
        history: { kind: string; by: string; text: string }[];
      };
      expect(history.history.filter((h) => h.kind === 'evidence')).toEqual([
        expect.objectContaining({ by: 'Anna', text: expect.stringContaining(first.e.sha256) }),
      ]);
    });

    it('refuses a body whose hash does not match, a key reused for other evidence, an unknown case', async () => {
      const be = await ctx.start();
      const caseId = await newCase(be);
      const wrong = await upload(be, caseId, crypto.randomUUID(), { sha256: '0'.repeat(64) });
      expect(wrong.r.status).toBe(422);
      expect((wrong.r.body as { error: string }).error).toMatch(/sha256 does not match/);
      const key = crypto.randomUUID();
      expect((await upload(be, caseId, key)).r.status).toBe(201);
      const other = await sampleEvidence({ capturedAt: '2026-11-23T10:00:00.000Z' });
      const reused = await call(be, 'POST', `/api/cases/${caseId}/evidence`, {
        headers: { 'Idempotency-Key': key },
        body: { sha256: other.sha256, json: other.json, image: { type: 'image/png', base64: toBase64(other.png) } },
      });
      expect(reused.status).toBe(422);
      expect((await upload(be, 'no-such-case', crypto.randomUUID())).r.status).toBe(404);
      expect((await upload(be, caseId, 'not-a-uuid')).r.status).toBe(400);
      const list = EvidenceListSchema.parse((await call(be, 'GET', `/api/cases/${caseId}/evidence`)).body);
      expect(list.evidence).toHaveLength(1);
    });

    it('keeps evidence across a restart', async () => {
      const be = await ctx.start();
      const caseId = await newCase(be);
      const { e } = await upload(be, caseId, crypto.randomUUID());
      const again = await ctx.restart();
      const list = EvidenceListSchema.parse((await call(again, 'GET', `/api/cases/${caseId}/evidence`)).body);
      expect(list.evidence.map((x) => x.sha256)).toEqual([e.sha256]);
    });
  });
}
