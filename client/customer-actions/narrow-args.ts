import type { MutatorName } from '../../shared/mutator-args.js';

type Ids = { ids: string[] };
type Groups = { groups: ({ ids: string[] } & Record<string, unknown>)[] };
type Entries = { entries: ({ id: string } & Record<string, unknown>)[] };

const keepIds = (ids: string[], keep: ReadonlySet<string>) => ids.filter((id) => keep.has(id));

/**
 * The arguments of a change to many customers cut down to the customers in `keep`, for a
 * preview of the rows on screen first: the mutator run on them writes exactly the rows the
 * whole change writes for those customers, because each customer's new row depends only
 * on its own old row and the change (checked for every mutator by narrow-args.test.ts).
 * Null when the mutator is not one of those, or when nothing would be left out (the one
 * preview is then all there is) or nothing kept.
 */
export function narrowToCustomers(name: MutatorName, args: unknown, keep: ReadonlySet<string>): object | null {
  const a = args as Partial<Ids & Groups & Entries> | null;
  if (!a || typeof a !== 'object') return null;
  let before = 0;
  let after = 0;
  let narrowed: object;
  switch (name) {
    case 'bulkUpdateCustomers':
    case 'setCustomerStatus':
    case 'deleteCustomers':
    case 'restoreCustomers': {
      if (!Array.isArray(a.ids)) return null;
      const ids = keepIds(a.ids, keep);
      [before, after, narrowed] = [a.ids.length, ids.length, { ...a, ids }];
      break;
    }
    case 'restoreBulkSnapshots': {
      if (Array.isArray(a.groups) && a.groups.every((g) => Array.isArray(g?.ids))) {
        const groups = a.groups.map((g) => ({ ...g, ids: keepIds(g.ids, keep) })).filter((g) => g.ids.length > 0);
        before = a.groups.reduce((n, g) => n + g.ids.length, 0);
        after = groups.reduce((n, g) => n + g.ids.length, 0);
        narrowed = { ...a, groups };
      } else if (Array.isArray(a.entries)) {
        const entries = a.entries.filter((e) => keep.has(e.id));
        [before, after, narrowed] = [a.entries.length, entries.length, { ...a, entries }];
      } else return null;
      break;
    }
    default:
      return null;
  }
  return after > 0 && after < before ? narrowed : null;
}
