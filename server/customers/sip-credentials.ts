import { createHash } from 'node:crypto';
import type { SipUserInput } from '../../shared/customer.js';
import type { MutationContext } from './mutation-context.js';
import { duplicateSipUsernameError } from './unique-violations.js';

/**
 * SIP digest HA1 = MD5(username:realm:password): what a SIP proxy (Kamailio, OpenSIPS,
 * Asterisk) checks digest responses against. MD5 is the digest scheme's, not our choice;
 * storing HA1 means the password itself is never stored or synced.
 */
export function sipHa1(username: string, realm: string, password: string): string {
  return createHash('md5').update(`${username}:${realm}:${password}`).digest('hex');
}

/**
 * Makes the customer's stored credentials match its SIP user list: usernames no longer
 * listed are removed, listed ones with a password get a new HA1, the rest are kept.
 * A username another customer of the organisation holds is refused.
 */
export async function syncSipCredentials(ctx: MutationContext, customerId: string, users: SipUserInput[]): Promise<void> {
  const { tx, organisationId } = ctx;
  const usernames = users.map((u) => u.username);
  await tx`
    delete from sip_credentials
    where customer_id = ${customerId} and organisation_id = ${organisationId}
      and not (lower(username) = any (select lower(u) from unnest(${tx.array(usernames)}::text[]) as u))`;

  const rows = users
    .filter((u): u is SipUserInput & { password: string } => u.password !== undefined)
    .map((u) => ({
      organisation_id: organisationId,
      username: u.username,
      customer_id: customerId,
      ha1: sipHa1(u.username, ctx.sipRealm, u.password),
    }));
  if (rows.length === 0) return;
  // A username held by another customer conflicts and is neither updated nor returned.
  const written = await tx<{ username: string }[]>`
    insert into sip_credentials ${tx(rows, 'organisation_id', 'username', 'customer_id', 'ha1')}
    on conflict (organisation_id, lower(username)) do update
      set username = excluded.username, ha1 = excluded.ha1, updated_at = now()
      where sip_credentials.customer_id = excluded.customer_id
    returning username`;
  if (written.length === rows.length) return;
  const ok = new Set(written.map((r) => r.username));
  const taken = rows.find((r) => !ok.has(r.username));
  throw duplicateSipUsernameError(taken?.username ?? '');
}
