import type { Sql } from 'postgres';

/**
 * Ends the penalties whose time is up: each customer returns to the status it had
 * before. A customer whose status staff changed during the penalty is no longer in
 * `penalty` (and its penalty end was cleared), so it is left alone. Synced like any
 * change: per organisation, under its lock, with a new space version. Returns the
 * organisations whose customers changed.
 */
export async function endPenalties(sql: Sql, now: Date): Promise<Set<string>> {
  const due = await sql<{ organisation_id: string }[]>`
    select distinct organisation_id from customers where status = 'penalty' and penalty_until <= ${now}`;
  const touched = new Set<string>();
  for (const { organisation_id: org } of due) {
    await sql.begin(async (tx) => {
      const [v] = await tx<{ version: string }[]>`update organisations set version = version + 1 where id = ${org} returning version`;
      const ended = await tx`
        update customers set status = coalesce(status_before_penalty, 'active'), status_before_penalty = null,
          penalty_until = null, version = ${v!.version}
        where organisation_id = ${org} and status = 'penalty' and penalty_until <= ${now}
        returning id`;
      if (ended.length > 0) touched.add(org);
    });
  }
  return touched;
}
