import {
  BatchAnswerSchema,
  CaseListSchema,
  ContractCaseSchema,
  type BatchResult,
  type ContractCase,
  type CreateCaseBody,
  type PatchCaseBody,
} from '../../contract/cases';
import { ContractEvidenceSchema } from '../../contract/evidence';
import type { Credentials } from '../../domain/credentials';
import { EVIDENCE_IMAGE_TYPE } from '../../domain/evidence';
import { toBase64 } from '../../domain/evidence-hash';
import type { Adapter, CreateInput, RemoteCase, SyncError, UpdateInput } from '../adapter';
import { PermanentError, TransientError, UnknownOutcomeError } from '../adapter';
import { joinUrl, requestJson, type HttpOptions } from '../http';
import { httpContractTeam } from './http-contract-team';

/** Creates larger than this (a mention with a very long text) are sent one by one. */
const BATCH_ITEM_MAX_CHARS = 64_000;

/** The project's own contract (docs/backend-contract.md); the reference backend is server/. */
export function httpContractAdapter(baseUrl: string, creds: Credentials, http: HttpOptions): Adapter {
  const headers = { Authorization: `Bearer ${creds.token}` };
  const backend = 'The case backend';
  const toRemote = (c: ContractCase): RemoteCase => ({
    id: c.id,
    url: joinUrl(baseUrl, `/api/cases/${encodeURIComponent(c.id)}`),
    status: c.status,
    owner: c.owner,
    ...(c.existing ? { existing: true } : {}),
  });

  const team = httpContractTeam(baseUrl, headers, http, backend);
  let batches = true;
  const itemOutcome = (a: BatchResult): RemoteCase | SyncError => {
    if ((a.status === 200 || a.status === 201) && a.case) return toRemote(a.case);
    const message = `${backend} answered ${a.status}${a.error ? `: ${a.error}` : ''}`;
    if (a.status === 200 || a.status === 201)
      return new UnknownOutcomeError(
        `${backend} sent a malformed answer (${a.status}, case: missing); check the backend URL`,
      );
    return a.status === 409 || a.status === 429 || a.status >= 500
      ? new TransientError(message)
      : new PermanentError(message, a.status);
  };

  return {
    kind: 'http',
    nativeIdempotency: true,
    lookupDelayMs: 0,

    async create(input) {
      const r = await requestJson(http, {
        method: 'POST',
        url: joinUrl(baseUrl, '/api/cases'),
        headers: { ...headers, 'Idempotency-Key': input.idempotencyKey },
        body: createBody(input),
        schema: ContractCaseSchema,
        sideEffect: true,
        backend,
      });
      return toRemote(r.data);
    },

    async createMany(inputs) {
      const out: (RemoteCase | SyncError | null)[] = inputs.map(() => null);
      if (!batches) return out;
      // A large mention goes alone, so one of them never makes a whole batch too large.
      const items = inputs.flatMap((input, i) => {
        const item = { idempotencyKey: input.idempotencyKey, ...createBody(input) };
        return JSON.stringify(item).length <= BATCH_ITEM_MAX_CHARS ? [{ i, input, item }] : [];
      });
      if (!items.length) return out;
      let answer: BatchResult[];
      try {
        const r = await requestJson(http, {
          method: 'POST',
          url: joinUrl(baseUrl, '/api/cases/batch'),
          headers,
          body: { cases: items.map((x) => x.item) },
          schema: BatchAnswerSchema,
          sideEffect: true,
          backend,
        });
        answer = r.data.results;
      } catch (e) {
        // A backend without the (optional) batch endpoint: one create per case from now on.
        if (e instanceof PermanentError && (e.status === 404 || e.status === 405)) {
          batches = false;
          return out;
        }
        // Too large for this backend as one request: these go one by one.
        if (e instanceof PermanentError && e.status === 413) return out;
        throw e;
      }
      items.forEach(({ i, input }, j) => {
        const a = answer[j];
        out[i] =
          a?.idempotencyKey === input.idempotencyKey
            ? itemOutcome(a)
            : new UnknownOutcomeError(
                `${backend} sent no answer for one case of a batch; it is looked up before it is sent again`,
              );
      });
      return out;
    },

    async findByKey(input) {
      const r = await requestJson(http, {
        method: 'GET',
        url: joinUrl(baseUrl, `/api/cases?idempotencyKey=${encodeURIComponent(input.idempotencyKey)}`),
        headers,
        schema: CaseListSchema,
        backend,
      });
      const c = r.data.cases[0];
      return c ? toRemote(c) : null;
    },

    async read(id) {
      const r = await requestJson(http, {
        method: 'GET',
        url: joinUrl(baseUrl, `/api/cases/${encodeURIComponent(id)}`),
        headers,
        schema: ContractCaseSchema,
        backend,
      });
      return toRemote(r.data);
    },

    async update(input: UpdateInput) {
      const body: PatchCaseBody = {};
      if (input.status) body.status = input.status;
      if (input.owner !== undefined) body.owner = input.owner;
      if (input.group !== undefined) body.group = input.group?.name ?? null;
      if (input.mention) body.mention = input.mention;
      if (input.note) Object.assign(body, { note: input.note.text, noteKind: input.note.kind, by: input.note.by });
      await requestJson(http, {
        method: 'PATCH',
        url: joinUrl(baseUrl, `/api/cases/${encodeURIComponent(input.remoteId)}`),
        headers: { ...headers, 'Idempotency-Key': input.idempotencyKey },
        body,
        schema: ContractCaseSchema,
        backend,
      });
    },

    async sendEvidence(input) {
      // The key makes a repeat a replay (the answer lost, or a retry): the backend keeps one copy.
      await requestJson(http, {
        method: 'POST',
        url: joinUrl(baseUrl, `/api/cases/${encodeURIComponent(input.remoteId)}/evidence`),
        headers: { ...headers, 'Idempotency-Key': input.idempotencyKey },
        body: {
          sha256: input.sha256,
          json: input.json,
          image: { type: EVIDENCE_IMAGE_TYPE, base64: toBase64(input.image) },
        },
        schema: ContractEvidenceSchema,
        sideEffect: true,
        backend,
      }).catch((e: unknown) => {
        // A backend without the (optional) evidence endpoint: the evidence stays in the browser
        // and the export, and the case's sync is not held up for it.
        if (e instanceof PermanentError && (e.status === 404 || e.status === 405)) return;
        throw e;
      });
    },

    async testConnection() {
      // The nil UUID is never a real key: a 200 with an empty list proves URL and token.
      const r = await requestJson(http, {
        method: 'GET',
        url: joinUrl(baseUrl, '/api/cases?idempotencyKey=00000000-0000-0000-0000-000000000000'),
        headers,
        schema: CaseListSchema,
        backend,
      });
      if (r.data.cases.length)
        throw Object.assign(
          new PermanentError('The backend answered, but not as the contract says (a case for the nil key)'),
          { problem: { code: 'sync_malformed', params: { backend, status: String(r.status) } } },
        );
      // Whose token it is, when the backend has the team endpoints (they are optional).
      const me = await team.me().catch(() => undefined);
      return { backend: new URL(baseUrl).host, agent: me?.name ?? null };
    },

    team,
  };
}

export function createBody(input: CreateInput): CreateCaseBody {
  return {
    mention: input.mention,
    category: input.category,
    severity: input.severity,
    note: input.note,
    capturedBy: input.capturedBy,
  };
}
