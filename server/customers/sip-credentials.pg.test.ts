import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../http/app-env.js';
import { createOrganisation, createSessionFor, openSyncTestDb, type SyncTestDb } from '../sync/test-support/sync-fixtures.js';
import { directTransport, TestSyncClient } from '../sync/test-support/test-sync-client.js';
import { sipHa1 } from './sip-credentials.js';

let t: SyncTestDb;
let orgId: string;

beforeAll(async () => {
  t = await openSyncTestDb();
  orgId = await createOrganisation(t.sql);
});
afterAll(() => t.close());

async function newClient(organisationId = orgId): Promise<TestSyncClient> {
  const operator: Session = await createSessionFor(t.sql, organisationId, 'operator');
  return new TestSyncClient(directTransport(t.deps, operator));
}

async function credentials(customerId: string) {
  return t.sql<{ username: string; ha1: string }[]>`
    select username, ha1 from sip_credentials where customer_id = ${customerId} order by username`;
}

const md5 = (s: string) => createHash('md5').update(s).digest('hex');
const realm = () => t.deps.config.sipRealm;

describe('SIP credentials', () => {
  it('computes HA1 as MD5(username:realm:password), the SIP digest scheme', () => {
    // RFC 2617 §3.5's example user, with its realm.
    expect(sipHa1('Mufasa', 'testrealm@host.com', 'Circle Of Life')).toBe('939e7578ed9e3c518a452acee763bce9');
  });

  it('stores only the HA1 of a password, and no pull ever carries it', async () => {
    const client = await newClient();
    const id = randomUUID();
    const password = 'very-secret-sip-pass';
    await client.mutate('createCustomer', {
      id,
      name: 'Digest Dialling Ltd',
      currency: 'USD',
      sipUsers: [{ username: 'digest_trunk1', password, channels: 10, cps: 2 }],
    });
    expect(await credentials(id)).toEqual([{ username: 'digest_trunk1', ha1: md5(`digest_trunk1:${realm()}:${password}`) }]);
    const [stored] = await t.sql`select * from sip_credentials where customer_id = ${id}`;
    expect(JSON.stringify(stored)).not.toContain(password);
    const [row] = await t.sql`select * from customers where id = ${id}`;
    expect(JSON.stringify(row)).not.toContain(password);

    const responses = await client.pullAll();
    const everything = JSON.stringify(responses);
    expect(everything).not.toContain(password);
    expect(everything).not.toContain(md5(`digest_trunk1:${realm()}:${password}`));
    expect(client.customer(id)?.sipUsers).toEqual([{ username: 'digest_trunk1', channels: 10, cps: 2 }]);
  });

  it('keeps the hash of a kept username, rehashes a new password and removes a dropped username', async () => {
    const client = await newClient();
    const id = randomUUID();
    await client.mutate('createCustomer', {
      id,
      name: 'Rotating Secrets',
      currency: 'USD',
      sipUsers: [
        { username: 'rot_keep', password: 'keep-password-1', channels: 0, cps: 0 },
        { username: 'rot_change', password: 'old-password-1', channels: 0, cps: 0 },
        { username: 'rot_drop', password: 'drop-password-1', channels: 0, cps: 0 },
      ],
    });
    const kept = (await credentials(id)).find((c) => c.username === 'rot_keep')!.ha1;
    await client.mutate('updateCustomer', {
      id,
      patch: {
        sipUsers: [
          { username: 'rot_keep', channels: 5, cps: 1 },
          { username: 'rot_change', password: 'new-password-2', channels: 0, cps: 0 },
        ],
      },
    });
    expect(await credentials(id)).toEqual([
      { username: 'rot_change', ha1: md5(`rot_change:${realm()}:new-password-2`) },
      { username: 'rot_keep', ha1: kept },
    ]);
    await client.pullAll();
    expect(client.rejections()).toEqual([]);
  });

  it('refuses a username another customer uses, naming it, and saves nothing of that change', async () => {
    const client = await newClient();
    const first = randomUUID();
    const second = randomUUID();
    await client.mutate('createCustomer', {
      id: first,
      name: 'First Holder',
      currency: 'USD',
      sipUsers: [{ username: 'shared_name', password: 'first-password', channels: 0, cps: 0 }],
    });
    await client.mutate('createCustomer', {
      id: second,
      name: 'Second Claimant',
      currency: 'USD',
      sipUsers: [{ username: 'SHARED_NAME', password: 'second-password', channels: 0, cps: 0 }],
    });
    await client.pullAll();
    expect(client.rejections()).toMatchObject([
      { code: 'duplicate_sip_username', message: 'The SIP username “SHARED_NAME” is used by another customer.' },
    ]);
    expect(client.customer(second)).toBeUndefined();
    expect(await credentials(first)).toEqual([{ username: 'shared_name', ha1: md5(`shared_name:${realm()}:first-password`) }]);
  });

  it('lets another organisation use the same username', async () => {
    const otherOrg = await createOrganisation(t.sql, 'Elsewhere Carrier');
    const mine = await newClient();
    const theirs = await newClient(otherOrg);
    const sip = [{ username: 'everywhere', password: 'password-123', channels: 0, cps: 0 }];
    await mine.mutate('createCustomer', { id: randomUUID(), name: 'Mine Everywhere', currency: 'USD', sipUsers: sip });
    await theirs.mutate('createCustomer', { id: randomUUID(), name: 'Theirs Everywhere', currency: 'USD', sipUsers: sip });
    await Promise.all([mine.pullAll(), theirs.pullAll()]);
    expect([...mine.rejections(), ...theirs.rejections()]).toEqual([]);
  });

  it('refuses a new username without a password', async () => {
    const client = await newClient();
    await client.mutate('createCustomer', {
      id: randomUUID(),
      name: 'Passwordless',
      currency: 'USD',
      sipUsers: [{ username: 'no_password', channels: 0, cps: 0 }],
    });
    await client.pullAll();
    expect(client.rejections()).toMatchObject([{ code: 'invalid_input' }]);
  });
});
