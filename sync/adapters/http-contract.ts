
import { CaseListSchema, ContractCaseSchema, type ContractCase, type CreateCaseBody, type PatchCaseBody } from '../../server/contract';
import type { Credentials } from '../../domain/credentials';
import type { Adapter, CreateInput, RemoteCase, UpdateInput } from '../adapter';
import { PermanentError } from '../adapter';
import { joinUrl, requestJson, type HttpOptions } from '../http';

/** The project's own contract (docs/backend-contract.md); the reference backend is server/. */
export function httpContractAdapter(baseUrl: string, creds: Credentials, http: HttpOptions): Adapter {
  const headers = { Authorization: `Bearer ${creds.token}` };
  const backend = 'The case backend';
  const toRemote = (c: ContractCase): RemoteCase => ({ id: c.id, url: joinUrl(baseUrl, `/api/cases/${encodeURIComponent(c.id)}`), status: c.status, owner: c.owner });

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

    async findByKey(input) {
      const r = await requestJson(http, { method: 'GET', url: joinUrl(baseUrl, `/api/cases?idempotencyKey=${encodeURIComponent(input.idempotencyKey)}`), headers, schema: CaseListSchema, backend });
      const c = r.data.cases[0];
      return c ? toRemote(c) : null;
    },

    async read(id) {
      const r = await requestJson(http, { method: 'GET', url: joinUrl(baseUrl, `/api/cases/${encodeURIComponent(id)}`), headers, schema: ContractCaseSchema, backend });
      return toRemote(r.data);
    },

    async update(input: UpdateInput) {
      const body: PatchCaseBody = {};
      if (input.status) body.status = input.status;
      if (input.owner !== undefined) body.owner = input.owner;
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

    async testConnection() {
      // The nil UUID is never a real key: a 200 with an empty list proves URL and token.
      const r = await requestJson(http, { method: 'GET', url: joinUrl(baseUrl, '/api/cases?idempotencyKey=00000000-0000-0000-0000-000000000000'), headers, schema: CaseListSchema, backend });
      if (r.data.cases.length) throw new PermanentError('The backend answered, but not as the contract says (a case for the nil key)');
      return `Connected to ${new URL(baseUrl).host}`;
    },
  };
}

export function createBody(input: CreateInput): CreateCaseBody {
  return { mention: input.mention, category: input.category, severity: input.severity, note: input.note, capturedBy: input.capturedBy };
}

