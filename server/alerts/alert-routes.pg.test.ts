import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertRule } from '../../shared/alert-rule.js';
import { addUser, setupAdmin, type ApiClient } from '../test/api-client.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

const rule = { name: 'Out of credit', area: 'available_credit', operator: '<=', threshold: 0, resetThreshold: 10, target: { kind: 'all' } };

describe('alert rule and alerts log endpoints', () => {
  let db: TestDatabase;
  let server: TestServer;
  let admin: ApiClient;
  let operator: ApiClient;
  let viewer: ApiClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db.url);
    admin = await setupAdmin(server.url);
    operator = await addUser(admin, 'operator');
    viewer = await addUser(admin, 'viewer');
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  it('operators create, change and delete rules; everyone on the staff reads them', async () => {
    const created = await operator.postOk<AlertRule>('/api/alert-rules', rule);
    expect(created).toMatchObject({ ...rule, sampleMinutes: 15, minAttempts: 20, penaltyMinutes: null, enabled: true });
    const changed = await operator.request('PUT', `/api/alert-rules/${created.id}`, { ...rule, threshold: 5, resetThreshold: 20 });
    expect(await changed.json()).toMatchObject({ id: created.id, threshold: 5 });
    const listed = (await (await viewer.get('/api/alert-rules')).json()) as AlertRule[];
    expect(listed.map((r) => r.threshold)).toEqual([5]);
    expect((await operator.request('DELETE', `/api/alert-rules/${created.id}`)).status).toBe(200);
    expect((await operator.request('DELETE', `/api/alert-rules/${created.id}`)).status).toBe(404);
  });

  it('a viewer cannot write rules', async () => {
    expect((await viewer.post('/api/alert-rules', rule)).status).toBe(403);
  });

  it('refuses bad rules with the field at fault, and a rule for a customer that does not exist', async () => {
    const res = await admin.post('/api/alert-rules', { ...rule, resetThreshold: -5 });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_input', issues: [expect.objectContaining({ path: 'resetThreshold' })] } });
    const unknown = await admin.post('/api/alert-rules', { ...rule, target: { kind: 'customer', customerId: '00000000-0000-4000-8000-000000000001' } });
    expect(unknown.status).toBe(400);
    expect((await admin.request('PUT', '/api/alert-rules/not-a-uuid', rule)).status).toBe(400);
  });

  it('serves the alerts log, refusing a bad query', async () => {
    expect(await (await viewer.get('/api/alerts?limit=10')).json()).toEqual([]);
    expect((await viewer.get('/api/alerts?limit=100000')).status).toBe(400);
    expect((await viewer.get('/api/alerts?customerId=nope')).status).toBe(400);
  });
});
