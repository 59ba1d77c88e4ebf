import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { alertRuleInputSchema } from './alert-rule.js';
import { createApiKeyRequestSchema, setupRequestSchema } from './api.js';
import { customerCreateSchema, customerPatchSchema } from './customer.js';
import { mutatorArgSchemas } from './mutator-args.js';
import { pushRequestSchema } from './sync-protocol.js';
import { BROKEN_CHARACTER_MESSAGE, CONTROL_CHARACTER_MESSAGE, noControlCharacters, storableText } from './text.js';

const id = '0b7a4c1e-6d2f-4f7a-9a51-2c1f5e8d9b01';

/** The messages a form would show for `input`, by path. */
function messages(schema: z.ZodType, input: unknown): Record<string, string> {
  const r = schema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('control characters', () => {
  it('are refused in every text of a customer, with a clear message', () => {
    const nul = 'Acme\u0000 Ltd';
    const errors = messages(customerCreateSchema, {
      id,
      name: nul,
      currency: 'EUR',
      accountRef: 'REF\u0000',
      accountManager: 'Ann\u001b',
      tags: ['vip\u0000'],
      contacts: [{ name: 'N\u0000', type: 'noc', email: 'noc@acme.example' }],
      routes: [{ rateCard: 'Gold\u0000' }],
      notes: 'Called\u0000',
    });
    expect(errors).toEqual({
      name: CONTROL_CHARACTER_MESSAGE,
      accountRef: CONTROL_CHARACTER_MESSAGE,
      accountManager: CONTROL_CHARACTER_MESSAGE,
      'tags.0': CONTROL_CHARACTER_MESSAGE,
      'contacts.0.name': CONTROL_CHARACTER_MESSAGE,
      'routes.0.rateCard': CONTROL_CHARACTER_MESSAGE,
      notes: CONTROL_CHARACTER_MESSAGE,
    });
    expect(Object.keys(messages(customerPatchSchema, { ipAuth: [{ ip: '10.0.0.1\u0000' }], sipUsers: [{ username: 'a\u0000bc' }] }))).toEqual([
      'ipAuth.0.ip',
      'sipUsers.0.username',
    ]);
  });

  it('notes keep line breaks and tabs; single-line texts keep neither inside', () => {
    expect(customerPatchSchema.parse({ notes: 'Line 1\r\nLine 2\tindented' })).toEqual({ notes: 'Line 1\r\nLine 2\tindented' });
    expect(messages(customerPatchSchema, { notes: 'bell\u0007' })).toEqual({ notes: CONTROL_CHARACTER_MESSAGE });
    expect(messages(customerPatchSchema, { name: 'Two\nLines' })).toEqual({ name: CONTROL_CHARACTER_MESSAGE });
    // Surrounding whitespace is trimmed, as before.
    expect(customerPatchSchema.parse({ name: '\tAcme\n' })).toEqual({ name: 'Acme' });
  });

  it('are refused in balance reasons and references, in other requests, and in the push envelope', () => {
    expect(messages(mutatorArgSchemas.postBalanceEntry, { customerId: id, kind: 'payment', amount: '5', reason: 'Wire\u0000', reference: 'BT\u0085' })).toEqual({
      reason: CONTROL_CHARACTER_MESSAGE,
      reference: CONTROL_CHARACTER_MESSAGE,
    });
    expect(messages(setupRequestSchema, { organisation: 'Org\u0000', name: 'Ada', email: 'ada@example.com', password: 'correct horse battery' })).toEqual({
      organisation: CONTROL_CHARACTER_MESSAGE,
    });
    expect(messages(createApiKeyRequestSchema, { name: 'Switch\u007f' })).toEqual({ name: CONTROL_CHARACTER_MESSAGE });
    const rule = { name: 'Low\u0000', area: 'credit', operator: '<', threshold: 0, resetThreshold: 10, target: { kind: 'tag', tag: 'x\u0000' } };
    expect(Object.values(messages(alertRuleInputSchema, rule))).toEqual([CONTROL_CHARACTER_MESSAGE, CONTROL_CHARACTER_MESSAGE]);
    const push = { pushVersion: 1, clientGroupID: 'g\u0000', mutations: [], profileID: 'p', schemaVersion: '1' };
    expect(messages(pushRequestSchema, push)).toEqual({ clientGroupID: CONTROL_CHARACTER_MESSAGE });
  });

  it('half of a surrogate pair is refused too; whole pairs (emoji) are fine', () => {
    expect(messages(customerPatchSchema, { name: 'Acme \ud83d' })).toEqual({ name: BROKEN_CHARACTER_MESSAGE });
    expect(customerPatchSchema.parse({ name: 'Acme 📞' })).toEqual({ name: 'Acme 📞' });
  });

  it('one check serves any string schema', () => {
    const schema = z.string().check(noControlCharacters());
    expect(schema.safeParse('fine').success).toBe(true);
    expect(schema.safeParse('\u0000').success).toBe(false);
  });
});

describe('storableText', () => {
  it('replaces control characters and lone surrogates, and caps the length', () => {
    expect(storableText('Edit “A\u0000B”\n', 100)).toBe('Edit “A B” ');
    expect(storableText('x\ud800y', 10)).toBe('x y');
    expect(storableText('abcdef', 4)).toBe('abc…');
    expect(storableText('📞📞📞', 2)).toBe('📞…');
  });
});
