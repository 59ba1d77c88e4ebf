import { z } from 'zod';
import { assertCan, can, type Role } from './auth.js';
import { AppError } from './errors.js';
import { gridViewStateSchema, type GridViewState } from './grid-view.js';
import { noControlCharacters } from './text.js';

/**
 * Saved views of the customer grid: a named view state, the user's own or shared with the
 * organisation, and each user's default. Synced like customers, so they work offline and
 * appear on every device; the server checks the same rules the device applies optimistically.
 */

export const savedViewNameSchema = z.string().trim().min(1, 'Name the view').max(80).check(noControlCharacters());

/** A saved view as stored under `v/<id>`. */
export interface SavedView {
  id: string;
  name: string;
  /** Shared with everyone in the organisation; else only its owner sees it. */
  shared: boolean;
  ownerId: string;
  /** The owner's name, filled in by the server for views others shared. */
  ownerName?: string;
  state: GridViewState;
  updatedAt: string;
}

/** The default view's key holds `{ id }`; null: the built-in default. */
export interface DefaultView {
  id: string | null;
}

/** The storage saved-view changes see: Replicache on the device, Postgres on the server. */
export interface SavedViewTx {
  readonly role: Role;
  /** The user making the change: the server's comes from the session. */
  readonly userId: string;
  now(): string;
  getSavedView(id: string): Promise<SavedView | undefined>;
  putSavedView(view: SavedView): Promise<void>;
  deleteSavedView(id: string): Promise<void>;
  setDefaultView(id: string | null): Promise<void>;
}

/** Whether `userId` sees `view`: their own, or shared with everyone. */
export const canSee = (view: SavedView, userId: string): boolean => view.shared || view.ownerId === userId;

/** Whether the user may change or delete `view`: its owner, or an admin for a shared one. */
export function canChange(view: SavedView, userId: string, role: Role): boolean {
  return view.ownerId === userId || (view.shared && can(role, 'views.manageShared'));
}

function changeable(tx: SavedViewTx, view: SavedView | undefined, id: string): SavedView | undefined {
  if (!view) return undefined;
  if (!canSee(view, tx.userId)) throw new AppError('not_found', `View ${id} does not exist.`);
  if (view.ownerId !== tx.userId) assertCan(tx.role, 'views.manageShared');
  return view;
}

/**
 * One definition per mutator: its arguments' schema, a description people read when the
 * server refuses it, and its body. Every role may keep views of its own; sharing needs
 * `views.share`; changing someone else's shared view needs `views.manageShared`.
 */
export const savedViewMutators = {
  saveGridView: {
    args: z.object({ id: z.uuid(), name: savedViewNameSchema, shared: z.boolean(), state: gridViewStateSchema }),
    describe: (a: { name?: unknown }) => `Save the view “${String(a.name ?? '')}”`,
    async run(tx: SavedViewTx, a: { id: string; name: string; shared: boolean; state: GridViewState }) {
      const existing = changeable(tx, await tx.getSavedView(a.id), a.id);
      if (a.shared && !existing?.shared) assertCan(tx.role, 'views.share');
      await tx.putSavedView({ id: a.id, name: a.name, shared: a.shared, ownerId: existing?.ownerId ?? tx.userId, state: a.state, updatedAt: tx.now() });
    },
  },
  deleteGridView: {
    args: z.object({ id: z.uuid() }),
    describe: () => 'Delete a saved view',
    async run(tx: SavedViewTx, a: { id: string }) {
      // Gone already (deleted on another device): nothing to do.
      if (changeable(tx, await tx.getSavedView(a.id), a.id)) await tx.deleteSavedView(a.id);
    },
  },
  setDefaultGridView: {
    args: z.object({ id: z.uuid().nullable() }),
    describe: () => 'Choose the default view',
    async run(tx: SavedViewTx, a: { id: string | null }) {
      if (a.id !== null) {
        const view = await tx.getSavedView(a.id);
        if (!view || !canSee(view, tx.userId)) throw new AppError('not_found', 'That view no longer exists.');
      }
      await tx.setDefaultView(a.id);
    },
  },
} as const;

export type SavedViewMutatorName = keyof typeof savedViewMutators;

const noViews = async (): Promise<never> => {
  throw new AppError('invalid_input', 'Views cannot be changed here.');
};

/** The saved-view half of a transaction over storage that holds no views (a preview of customer changes, a test). */
export const WITHOUT_SAVED_VIEWS: Omit<SavedViewTx, 'role' | 'now'> = {
  userId: '',
  getSavedView: async () => undefined,
  putSavedView: noViews,
  deleteSavedView: noViews,
  setDefaultView: noViews,
};
