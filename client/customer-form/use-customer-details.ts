import { useEffect, useState } from 'react';
import type { ReadTransaction } from 'replicache';
import type { CustomerDetails } from '../../shared/customer-split.js';
import { detailsKey } from '../../shared/keys.js';
import type { TrunklineReplicache } from '../sync/sync-context.js';

export interface DetailsState {
  loaded: boolean;
  /** Undefined when the customer has none stored (yet). */
  details: CustomerDetails | undefined;
}

/**
 * A customer's contacts, IPs, SIP users and routes (`d/<id>`), read from the store while
 * the card is open: the in-memory index keeps only their search terms.
 */
export function useCustomerDetails(rep: TrunklineReplicache, customerId: string | undefined): DetailsState {
  const [state, setState] = useState<DetailsState & { id: string | undefined }>({ id: undefined, loaded: false, details: undefined });
  useEffect(() => {
    if (!customerId) return undefined;
    return rep.subscribe(
      (tx) => detailsIn(tx, customerId),
      (details) => setState({ id: customerId, loaded: true, details }),
    );
  }, [rep, customerId]);
  if (!customerId) return { loaded: true, details: undefined };
  return state.id === customerId ? state : { loaded: false, details: undefined };
}

/** Reads one customer's details from the store, for a preview of a change to the whole customer. */
export function readCustomerDetails(rep: TrunklineReplicache, customerId: string): Promise<CustomerDetails | undefined> {
  return rep.query((tx) => detailsIn(tx, customerId));
}

async function detailsIn(tx: ReadTransaction, customerId: string): Promise<CustomerDetails | undefined> {
  return (await tx.get(detailsKey(customerId))) as CustomerDetails | undefined;
}
