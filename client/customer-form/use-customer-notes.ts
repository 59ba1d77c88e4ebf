import { useEffect, useState } from 'react';
import { notesKey } from '../../shared/keys.js';
import type { TrunklineReplicache } from '../sync/sync-context.js';

export interface NotesState {
  loaded: boolean;
  text: string;
}

/** A customer's notes, kept apart from the slim customer row under `n/<id>`. */
export function useCustomerNotes(rep: TrunklineReplicache, customerId: string | undefined): NotesState {
  const [state, setState] = useState<NotesState & { id: string | undefined }>({ id: undefined, loaded: false, text: '' });
  useEffect(() => {
    if (!customerId) return undefined;
    return rep.subscribe(
      async (tx) => ((await tx.get(notesKey(customerId))) as { text?: unknown } | undefined)?.text,
      (text) => setState({ id: customerId, loaded: true, text: typeof text === 'string' ? text : '' }),
    );
  }, [rep, customerId]);
  if (!customerId) return { loaded: true, text: '' };
  return state.id === customerId ? state : { loaded: false, text: '' };
}
