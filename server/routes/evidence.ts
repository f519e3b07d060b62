import { EvidenceUploadBodySchema, MAX_EVIDENCE_BODY } from '../../contract/evidence';
import { isCanonicalJson } from '../../domain/canonical-json';
import { EvidenceStatementSchema } from '../../domain/evidence';
import { evidenceSha256, fromBase64, toBase64 } from '../../domain/evidence-hash';
import { issueText, parseJson, readBody, send } from '../http';
import type { RouteContext } from './context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A case's evidence (docs/backend-contract.md, "Evidence"): kept once per upload key and per
 * hash, and only when the SHA-256 the client sent is the one of the bytes it sent.
 */
export async function evidenceRoutes(ctx: RouteContext): Promise<boolean> {
  const { req, path, store } = ctx;
  const m = /^\/api\/cases\/([^/]+)\/evidence(?:\/([^/]+))?$/.exec(path);
  if (!m?.[1]) return false;
  const caseId = decodeURIComponent(m[1]);
  if (m[2] && req.method === 'GET') {
    const f = await store.evidenceFile(caseId, decodeURIComponent(m[2]));
    if (!f) return reply(ctx, 404, { error: `No evidence ${m[2]} on case ${caseId}` });
    const { image, ...rest } = f;
    return reply(ctx, 200, { ...rest, image: { type: f.imageType, base64: toBase64(image) } });
  }
  if (m[2]) return false;
  if (req.method === 'GET') {
    if (!(await store.get(caseId))) return reply(ctx, 404, { error: `No case ${caseId}` });
    return reply(ctx, 200, { evidence: await store.evidenceOf(caseId) });
  }
  if (req.method !== 'POST') return false;
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || !UUID.test(key))
    return reply(ctx, 400, { error: 'Idempotency-Key header with a UUID is required' });
  const parsed = EvidenceUploadBodySchema.safeParse(parseJson(await readBody(req, MAX_EVIDENCE_BODY)));
  if (!parsed.success) return reply(ctx, 400, { error: issueText(parsed.error.issues) });
  const body = parsed.data;
  let image: Uint8Array;
  try {
    image = fromBase64(body.image.base64);
  } catch {
    return reply(ctx, 400, { error: 'Invalid body: image.base64 is not base64' });
  }
  if ((await evidenceSha256(image, body.json)) !== body.sha256)
    return reply(ctx, 422, { error: 'sha256 does not match the image and JSON sent (nothing was kept)' });
  const statement = isCanonicalJson(body.json) ? EvidenceStatementSchema.safeParse(JSON.parse(body.json)) : null;
  if (!statement?.success)
    return reply(ctx, 400, { error: 'Invalid body: json is not the canonical JSON of an evidence record' });
  const r = await store.addEvidence(
    caseId,
    key,
    {
      sha256: body.sha256,
      json: body.json,
      image,
      imageType: body.image.type,
      capturedAt: statement.data.capturedAt,
      pageUrl: statement.data.pageUrl,
    },
    ctx.actor,
  );
  if (r.kind === 'no-case') return reply(ctx, 404, { error: `No case ${caseId}` });
  if (r.kind === 'mismatch')
    return reply(ctx, 422, { error: 'Idempotency-Key was already used with different evidence' });
  if (r.kind === 'created') ctx.hub.poke();
  // Simulates an answer lost on the way back: the evidence is kept, the client never hears.
  if (r.kind === 'created' && ctx.faults.dropEvidenceAfterStore()) {
    req.socket.destroy();
    return true;
  }
  return reply(ctx, r.kind === 'created' ? 201 : 200, r.evidence);
}

function reply(ctx: RouteContext, status: number, body: unknown): true {
  send(ctx.res, status, body);
  return true;
}
