import type { BackendKind } from '../../domain/settings';
import type { Credentials } from '../../domain/credentials';
import type { Adapter } from '../adapter';
import type { HttpOptions } from '../http';
import { freshdeskAdapter } from './freshdesk';
import { httpContractAdapter } from './http-contract';
import { zendeskAdapter } from './zendesk';

type Factory = (baseUrl: string, creds: Credentials, http: HttpOptions) => Adapter;

/** One adapter per backend kind; adding a helpdesk = one file + one line here + its contract test. */
export const ADAPTERS: Record<Exclude<BackendKind, 'none'>, Factory> = {
  http: httpContractAdapter,
  zendesk: zendeskAdapter,
  freshdesk: freshdeskAdapter,
};

export function createAdapter(
  kind: BackendKind,
  baseUrl: string,
  creds: Credentials,
  http: HttpOptions,
): Adapter | null {
  return kind === 'none' ? null : ADAPTERS[kind](baseUrl, creds, http);
}
