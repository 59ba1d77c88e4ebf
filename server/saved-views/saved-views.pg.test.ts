import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GRID_VIEW, type GridViewState } from '../../shared/grid-view.js';
import { DEFAULT_VIEW_KEY, REJECTION_PREFIX, savedViewKey } from '../../shared/keys.js';
import type { Rejection } from '../../shared/rejection.js';
import type { SavedView } from '../../shared/saved-views.js';
import type { Session } from '../http/app-env.js';
import { createOrganisation, createSessionFor, openSyncTestDb, type SyncTestDb } from '../sync/test-support/sync-fixtures.js';
import { directTransport, TestSyncClient } from '../sync/test-support/test-sync-client.js';

let t: SyncTestDb;
let admin: Session;
let operator: Session;
let viewer: Session;
let foreign: Session;

beforeAll(async () => {
  t = await openSyncTestDb();
  const org = await createOrganisation(t.sql);
  admin = await createSessionFor(t.sql, org, 'admin');
  operator = await createSessionFor(t.sql, org, 'operator');
  viewer = await createSessionFor(t.sql, org, 'viewer');
  foreign = await createSessionFor(t.sql, await createOrganisation(t.sql, 'Other Carrier'), 'admin');
});
afterAll(() => t.close());

const device = async (session: Session) => {
  const client = new TestSyncClient(directTransport(t.deps, session));
  await client.pullAll();
  return client;
};
const viewOn = (client: TestSyncClient, id: string) => client.store.get(savedViewKey(id)) as SavedView | undefined;
const refusals = (client: TestSyncClient) =>
  [...client.store.entries()].filter(([k]) => k.startsWith(REJECTION_PREFIX)).map(([, v]) => (v as Rejection).message);

const shaped: GridViewState = {
  ...DEFAULT_GRID_VIEW,
  columns: [{ id: 'name', pinned: true, width: 240 }, { id: 'availableBalance' }, { id: 'status' }],
  sort: [{ column: 'status', direction: 'asc' }, { column: 'credit', direction: 'desc' }],
  filters: [{ type: 'number', field: 'credit', op: 'lt', value: 0 }],
};

describe('saved views', () => {
  it("are the owner's alone until shared; then every device of the organisation has them, and unsharing takes them away", async () => {
    const mine = await device(operator);
    const theirs = await device(viewer);
    const id = randomUUID();
    await mine.mutate('saveGridView', { id, name: 'Debtors', shared: false, state: shaped });
    await Promise.all([mine.pullAll(), theirs.pullAll()]);
    expect(viewOn(mine, id)).toMatchObject({ name: 'Debtors', shared: false, state: shaped });
    expect(viewOn(theirs, id)).toBeUndefined();

    await mine.mutate('saveGridView', { id, name: 'Debtors', shared: true, state: shaped });
    await theirs.pullAll();
    expect(viewOn(theirs, id)).toMatchObject({ name: 'Debtors', shared: true, ownerName: expect.any(String) });

    await mine.mutate('saveGridView', { id, name: 'Debtors (mine)', shared: false, state: shaped });
    await theirs.pullAll();
    expect(viewOn(theirs, id)).toBeUndefined();
    // Another organisation never sees them.
    expect(viewOn(await device(foreign), id)).toBeUndefined();
  });

  it("refuses what a role may not do: a viewer sharing, an operator changing someone else's shared view; an admin may", async () => {
    const v = await device(viewer);
    const own = randomUUID();
    await v.mutate('saveGridView', { id: own, name: 'My view', shared: false, state: shaped });
    await v.mutate('saveGridView', { id: randomUUID(), name: 'For all', shared: true, state: shaped });
    await v.pullAll();
    expect(viewOn(v, own)?.name).toBe('My view');
    expect(refusals(v)).toContain('Viewers cannot share views with the organisation.');

    const a = await device(admin);
    const sharedId = randomUUID();
    await a.mutate('saveGridView', { id: sharedId, name: 'Team view', shared: true, state: shaped });
    const o = await device(operator);
    await o.mutate('saveGridView', { id: sharedId, name: 'Hijacked', shared: true, state: DEFAULT_GRID_VIEW });
    await o.mutate('deleteGridView', { id: sharedId });
    await o.pullAll();
    expect(viewOn(o, sharedId)?.name).toBe('Team view');
    expect(refusals(o).filter((m) => m.includes("other people's shared views"))).toHaveLength(2);

    await a.mutate('saveGridView', { id: sharedId, name: 'Team view, renamed', shared: true, state: shaped });
    await o.pullAll();
    expect(viewOn(o, sharedId)?.name).toBe('Team view, renamed');
  });

  it('a deleted view leaves every device, and whoever had it as default falls back to the built-in view', async () => {
    const a = await device(admin);
    const o = await device(operator);
    const id = randomUUID();
    await a.mutate('saveGridView', { id, name: 'Morning check', shared: true, state: shaped });
    await o.pullAll();
    await o.mutate('setDefaultGridView', { id });
    await o.pullAll();
    expect(o.store.get(DEFAULT_VIEW_KEY)).toEqual({ id });
    // A second device of the same user gets the default on its first sync.
    expect((await device(operator)).store.get(DEFAULT_VIEW_KEY)).toEqual({ id });

    await a.mutate('deleteGridView', { id });
    await o.pullAll();
    expect(viewOn(o, id)).toBeUndefined();
    expect(o.store.get(DEFAULT_VIEW_KEY)).toEqual({ id: null });
  });

  it('refuses a view state that is not valid, and a default that is not a view the user sees', async () => {
    const o = await device(operator);
    await o.push(o.rawMutation('saveGridView', { id: randomUUID(), name: 'Bad', shared: false, state: { ...shaped, sort: [] } }));
    const hidden = randomUUID();
    const a = await device(admin);
    await a.mutate('saveGridView', { id: hidden, name: 'Admin only', shared: false, state: shaped });
    await o.mutate('setDefaultGridView', { id: hidden });
    await o.pullAll();
    expect(refusals(o)).toEqual(expect.arrayContaining([expect.stringContaining('view'), 'That view no longer exists.']));
    expect(o.store.get(DEFAULT_VIEW_KEY)).toEqual({ id: null });
  });
});
