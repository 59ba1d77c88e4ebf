import type postgres from 'postgres';

/** The tag the bulk-edit measurement filters on: exactly `count` live customers carry it. */
export const BULK_TAG = 'bench-bulk';

/**
 * Tags `count` live customers with BULK_TAG, straight in the database as one synced
 * change (a new space version), so every device pulls the tag like any other edit.
 * The customers are scattered over the key space (ordered by a hash of the id), as a
 * real tag's would be, not a run of neighbouring keys.
 */
export async function tagBulkSelection(sql: postgres.Sql, count: number): Promise<void> {
  await sql.begin(async (tx) => {
    const [org] = await tx<{ id: string; version: string }[]>`
      update organisations set version = version + 1 returning id, version`;
    if (!org) throw new Error('No organisation to tag customers in');
    await tx`
      update customers set tags = array_append(tags, ${BULK_TAG}), version = ${org.version}
      where id in (
        select id from customers
        where organisation_id = ${org.id} and deleted_at is null and not (${BULK_TAG} = any(tags))
        order by md5(id::text) limit ${count})`;
  });
}

/** One customer carrying BULK_TAG: a bulk edit commits in one transaction, so when it has the new status, all have. */
export async function bulkSentinel(sql: postgres.Sql): Promise<string> {
  const [row] = await sql<{ id: string }[]>`select id from customers where ${BULK_TAG} = any(tags) limit 1`;
  if (!row) throw new Error('No customer carries the bulk tag');
  return row.id;
}

/** Whether the server stored `status` for the customer `id`: one primary-key lookup, cheap enough to poll. */
export async function storedStatusIs(sql: postgres.Sql, id: string, status: string): Promise<boolean> {
  const [row] = await sql<{ status: string }[]>`select status from customers where id = ${id}`;
  return row?.status === status;
}

/** How many customers with BULK_TAG the server has stored with `status` (a scan of the table: check once, never poll). */
export async function storedWithStatus(sql: postgres.Sql, status: string): Promise<number> {
  const [row] = await sql<{ n: string }[]>`
    select count(*) as n from customers where ${BULK_TAG} = any(tags) and status = ${status}`;
  return Number(row?.n ?? 0);
}
