import { randomUUID } from 'node:crypto';
import type { Customer } from '../../../shared/customer.js';
import { joinCustomer, type CustomerDetails, type CustomerListRow } from '../../../shared/customer-split.js';
import { CUSTOMER_PREFIX, customerKey, detailsKey, metricsKey, NOTES_PREFIX, REJECTION_PREFIX } from '../../../shared/keys.js';
import type { CustomerMetrics } from '../../../shared/metrics.js';
import type { MutatorArgs, MutatorName } from '../../../shared/mutator-args.js';
import type { Rejection } from '../../../shared/rejection.js';
import { SCHEMA_VERSION, type PullRequest, type PushMutation, type PushRequest, type SyncCookie } from '../../../shared/sync-protocol.js';
import type { AppDeps, Session } from '../../http/app-env.js';
import type { ApiClient } from '../../test/api-client.js';
import { processPull, type PullResponse, type VersionNotSupported } from '../pull.js';
import { processPush } from '../push.js';

/** How a test client reaches the server: push and pull functions directly, or over HTTP. */
export interface SyncTransport {
  push(body: PushRequest): Promise<void>;
  pull(body: PullRequest): Promise<PullResponse>;
}

export function directTransport(deps: AppDeps, session: Session): SyncTransport {
  return {
    push: (body) => processPush(deps, session, body),
    pull: async (body) => servedPull(await processPull(deps, session, body)),
  };
}

/** The pull response, or a failure when the server refused this schema version. */
export function servedPull(res: PullResponse | VersionNotSupported): PullResponse {
  if ('error' in res) throw new Error(`Pull refused: ${res.error}`);
  return res;
}

/** An HTTP failure, with the status and error code the server answered. */
export class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`HTTP ${status} ${code}`);
  }
}

async function postJson(api: ApiClient, path: string, body: unknown): Promise<unknown> {
  const res = await api.post(path, body);
  const json = (await res.json()) as { error?: { code: string } };
  if (!res.ok) throw new HttpFailure(res.status, json.error?.code ?? 'unknown');
  return json;
}

export function httpTransport(api: ApiClient): SyncTransport {
  return {
    push: async (body) => void (await postJson(api, '/api/replicache/push', body)),
    pull: async (body) => servedPull((await postJson(api, '/api/replicache/pull', body)) as PullResponse | VersionNotSupported),
  };
}

/**
 * Plays the part of one Replicache client: numbered mutations, the cookie, and a key
 * value store the pull patches are applied to, so tests can assert what a device holds.
 */
export class TestSyncClient {
  readonly clientID = randomUUID();
  nextMutationID = 1;
  cookie: SyncCookie | null = null;
  readonly store = new Map<string, unknown>();
  lastMutationIDs: Record<string, number> = {};

  constructor(
    readonly transport: SyncTransport,
    readonly clientGroupID: string = randomUUID(),
  ) {}

  /** Builds the next mutation (consuming its id) without sending it. */
  mutation<N extends MutatorName>(name: N, args: MutatorArgs<N>): PushMutation {
    return { clientID: this.clientID, id: this.nextMutationID++, name, args, timestamp: 0 };
  }

  /** Builds a mutation of any name and arguments, for refusals of malformed requests. */
  rawMutation(name: string, args: unknown): PushMutation {
    return { clientID: this.clientID, id: this.nextMutationID++, name, args, timestamp: 0 };
  }

  push(...mutations: PushMutation[]): Promise<void> {
    return this.transport.push({ pushVersion: 1, clientGroupID: this.clientGroupID, mutations, profileID: 'p', schemaVersion: '1' });
  }

  mutate<N extends MutatorName>(name: N, args: MutatorArgs<N>): Promise<void> {
    return this.push(this.mutation(name, args));
  }

  /** One pull, applied to the store like Replicache would. */
  async pull(): Promise<PullResponse> {
    const res = await this.transport.pull({
      pullVersion: 1,
      clientGroupID: this.clientGroupID,
      cookie: this.cookie,
      profileID: 'p',
      schemaVersion: SCHEMA_VERSION,
    });
    for (const op of res.patch) {
      if (op.op === 'clear') this.store.clear();
      else if (op.op === 'put') this.store.set(op.key, op.value);
      else this.store.delete(op.key);
    }
    this.cookie = res.cookie;
    Object.assign(this.lastMutationIDs, res.lastMutationIDChanges);
    return res;
  }

  /** Pulls until the catch-up is complete; returns every response. */
  async pullAll(): Promise<PullResponse[]> {
    const responses = [await this.pull()];
    while (this.cookie?.after) responses.push(await this.pull());
    return responses;
  }

  /** The customer as a device holds it: its list row joined with its details. */
  customer(id: string): Customer | undefined {
    const row = this.listRow(id);
    return row && joinCustomer(row, this.details(id));
  }

  customers(): Customer[] {
    return this.values<CustomerListRow>(CUSTOMER_PREFIX).map((row) => joinCustomer(row, this.details(row.id)));
  }

  listRow(id: string): CustomerListRow | undefined {
    return this.store.get(customerKey(id)) as CustomerListRow | undefined;
  }

  details(id: string): CustomerDetails | undefined {
    return this.store.get(detailsKey(id)) as CustomerDetails | undefined;
  }

  notes(id: string): string | undefined {
    return (this.store.get(`${NOTES_PREFIX}${id}`) as { text: string } | undefined)?.text;
  }

  metrics(customerId: string): CustomerMetrics | undefined {
    return this.store.get(metricsKey(customerId)) as CustomerMetrics | undefined;
  }

  rejections(): Rejection[] {
    return this.values<Rejection>(REJECTION_PREFIX);
  }

  get lastMutationID(): number {
    return this.lastMutationIDs[this.clientID] ?? 0;
  }

  private values<T>(prefix: string): T[] {
    return [...this.store].filter(([k]) => k.startsWith(prefix)).map(([, v]) => v as T);
  }
}
