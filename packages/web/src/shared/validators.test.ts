import { capabilityFields, contactSchema, creditCodeSchema, organizationRegistrationSchema, passwordSchema } from '@scenebridge/domain';
import type { FormRule } from 'antd';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { rules } from './validators';

/** The rule's message, or null when it passes. */
async function run(rule: FormRule, value: string): Promise<string | null> {
  if (typeof rule === 'function') throw new Error('rule factories are not used here');
  if (rule.pattern) return rule.pattern.test(value) ? null : String(rule.message);
  try {
    await (rule.validator as (r: unknown, v: unknown) => Promise<void>)({}, value);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}
const server = (schema: z.ZodType, value: string) => {
  const r = schema.safeParse(value);
  return r.success ? null : (r.error.issues[0]?.message ?? 'invalid');
};

describe('form rules agree with the server schemas', () => {
  const cases: Array<[string, FormRule, z.ZodType, string[]]> = [
    ['credit code', rules.creditCode(), creditCodeSchema, ['91500000MA5U7AQK2D', ' 91500000ma5u7aqk2d ', '91500000MA5U7AQK2Y', '9150000', '91500000MA5U7AQKIO']],
    ['phone', rules.phone(), contactSchema.shape.phone, ['13812345678', '023-63891234', '1234', '12812345678']],
    ['name length', rules.length('联系人', 'personName'), contactSchema.shape.name, ['王', '王五', 'x'.repeat(30), 'x'.repeat(31)]],
    ['title length', rules.length('能力名称', 'listingTitle'), capabilityFields.title, ['abc', 'abcd', 'x'.repeat(101)]],
    ['organisation name', rules.length('机构名称', 'organizationName'), organizationRegistrationSchema.shape.name, ['某', '某某', 'x'.repeat(101)]],
  ];
  for (const [name, rule, schema, values] of cases) {
    it(name, async () => {
      for (const v of values) expect(await run(rule, v), v).toBe(server(schema, v));
    });
  }

  it('password: the web checks length and letters+digits with the server’s words; guessability stays on the server', async () => {
    for (const v of ['short1', 'onlyletters', '1234567890123', 'x'.repeat(120) + '12345678a9']) {
      expect(await run(rules.password(), v), v).toBe(server(passwordSchema, v));
    }
  });
});
