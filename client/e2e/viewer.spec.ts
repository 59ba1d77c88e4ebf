import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { addAccount, contextFor, expect, openCustomers, test } from './fixtures.js';
import { createCustomerViaUi, row, search } from './customer-ui.js';

test('a viewer sees no edit controls, and a forged push from a viewer is refused', async ({ browser, server, admin, signedIn: adminPage }) => {
  await openCustomers(adminPage);
  await createCustomerViaUi(adminPage, 'Viewer Visible Networks');

  const viewer = await addAccount(admin, 'viewer', 'viewer.e2e@carrier.example');
  const context = await contextFor(browser, server, viewer);
  const page = await context.newPage();
  await openCustomers(page);
  await search(page, 'Viewer Visible');
  await expect(row(page, 'Viewer Visible Networks')).toBeVisible();

  await expect(page.getByRole('button', { name: 'New customer' })).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: /^Select/ })).toHaveCount(0);
  await row(page, 'Viewer Visible Networks').getByRole('button', { name: 'Viewer Visible Networks', exact: true }).click();
  const card = page.getByRole('dialog');
  await expect(card.getByRole('textbox', { name: 'Name' })).toHaveValue('Viewer Visible Networks');
  await expect(card.getByRole('button', { name: /Save changes|Create customer/ })).toHaveCount(0);
  await page.keyboard.press('Escape');

  // A push crafted by hand with the viewer's session: accepted as a request, refused as a change.
  const forgedId = randomUUID();
  const status = await page.evaluate(async (id) => {
    const res = await fetch('/api/replicache/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        pushVersion: 1,
        clientGroupID: `forged-${id}`,
        profileID: 'forged',
        schemaVersion: '1',
        mutations: [{ clientID: `forged-client-${id}`, id: 1, name: 'createCustomer', args: { id, name: 'Forged Viewer Ltd', currency: 'USD' }, timestamp: Date.now() }],
      }),
    });
    return res.status;
  }, forgedId);
  expect(status).toBe(200);

  const sql = postgres(server.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    expect(await sql`select 1 from customers where id = ${forgedId}`).toHaveLength(0);
    const [rejection] = await sql<{ code: string }[]>`select code from mutation_rejections where client_id = ${`forged-client-${forgedId}`}`;
    expect(rejection?.code).toBe('forbidden');
  } finally {
    await sql.end();
  }
  // The refusal is synced back to the viewer, who sees it in the header.
  await expect(page.getByRole('button', { name: /Refused changes: 1/ })).toBeVisible();
  await context.close();
});
