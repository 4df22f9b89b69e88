import {
  capabilityFields,
  contactSchema,
  creditCodeSchema,
  criterionSchema,
  organizationRegistrationSchema,
  passwordSchema,
  reasonSchema,
  referenceCaseSchema,
  scenarioNeedFields,
  scoresSchema,
} from '@scenebridge/domain';
import type { FormRule } from 'antd';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { rules } from './validators';

/** The rule's message, or null when it passes. */
async function run(rule: FormRule, value: string): Promise<string | null> {
  if (typeof rule === 'function') throw new Error('rule factories are not used here');
  if (rule.pattern) return rule.pattern.test(value) ? null : String(rule.message);
  if (rule.type === 'array') return pickRule(rule, value.split(',').filter(Boolean));
  try {
    await (rule.validator as (r: unknown, v: unknown) => Promise<void>)({}, value);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}
/** antd's array `min`/`max` rules, as antd's validator applies them to a list of codes. */
function pickRule(rule: Exclude<FormRule, (...a: never[]) => unknown>, codes: string[]): string | null {
  if (rule.min !== undefined && codes.length < rule.min) return String(rule.message);
  if (rule.max !== undefined && codes.length > rule.max) return String(rule.message);
  return null;
}
const server = (schema: z.ZodType, value: string) => {
  const r = schema.safeParse(value);
  return r.success ? null : (r.error.issues[0]?.message ?? 'invalid');
};

describe('form rules agree with the server schemas', () => {
  const cases: Array<[string, FormRule, z.ZodType, string[]]> = [
    [
      'credit code',
      rules.creditCode(),
      creditCodeSchema,
      ['91500000MA5U7AQK2D', ' 91500000ma5u7aqk2d ', '91500000MA5U7AQK2Y', '9150000', '91500000MA5U7AQKIO'],
    ],
    ['phone', rules.phone(), contactSchema.shape.phone, ['13812345678', '023-63891234', '1234', '12812345678']],
    ['name length', rules.length('联系人', 'personName'), contactSchema.shape.name, ['王', '王五', 'x'.repeat(30), 'x'.repeat(31)]],
    ['title length', rules.length('能力名称', 'listingTitle'), capabilityFields.title, ['abc', 'abcd', 'x'.repeat(101)]],
    [
      'organisation name',
      rules.length('机构名称', 'organizationName'),
      organizationRegistrationSchema.shape.name,
      ['某', '某某', 'x'.repeat(101)],
    ],
  ];
  for (const [name, rule, schema, values] of cases) {
    it(name, async () => {
      for (const v of values) expect(await run(rule, v), v).toBe(server(schema, v));
    });
  }

  // Where the web words a limit its own way, both sides must still accept and refuse the same values.
  const verdicts: Array<[string, FormRule, z.ZodType, string[]]> = [
    [
      'address',
      rules.maxLength('地址', 'address'),
      organizationRegistrationSchema.shape.address,
      ['重庆市渝北区', 'x'.repeat(200), 'x'.repeat(201), ` ${'x'.repeat(200)} `],
    ],
    ['case client', rules.maxLength('', 'caseClient'), referenceCaseSchema.shape.client, ['某公司', 'x'.repeat(100), 'x'.repeat(101)]],
    [
      'criterion key',
      rules.criterionKey(),
      criterionSchema.shape.key,
      ['urgency', 'data_quality2', 'u', 'Urgency', '1abc', 'a-b', 'a'.repeat(40), 'a'.repeat(41)],
    ],
    [
      'reason',
      rules.maxLength('退回原因', 'reason', '退回原因过长'),
      reasonSchema.shape.reason,
      ['材料不全', 'x'.repeat(1000), 'x'.repeat(1001)],
    ],
  ];
  for (const [name, rule, schema, values] of verdicts) {
    it(`${name}: same verdicts`, async () => {
      for (const v of values) expect((await run(rule, v)) === null, v).toBe(server(schema, v) === null);
    });
  }

  it('tech fields and sectors: how many codes, with the server’s words', async () => {
    const lists: Array<[FormRule[], z.ZodType]> = [
      [rules.pick('技术领域', 'techFields'), scenarioNeedFields.techFields],
      [rules.pick('技术领域', 'techFields'), capabilityFields.techFields],
      [rules.pick('服务领域', 'sectors'), capabilityFields.sectors],
    ];
    const codes = ['ai_general', 'big_data', 'iot', 'cloud', 'blockchain', 'robotics'];
    for (const [webRules, schema] of lists) {
      const valid = ((schema as z.ZodArray<z.ZodType>).element as { options?: string[] }).options;
      const pool = valid ?? codes;
      for (let n = 0; n <= 6; n++) {
        const picked = pool.slice(0, n);
        const web =
          webRules.map((r) => pickRule(r as Exclude<FormRule, (...a: never[]) => unknown>, picked)).find((m) => m !== null) ?? null;
        const srv = schema.safeParse(picked);
        expect(web, `${n}`).toBe(srv.success ? null : (srv.error.issues[0]?.message ?? 'invalid'));
      }
    }
  });

  it('password: the web checks length and letters+digits with the server’s words; guessability stays on the server', async () => {
    for (const v of ['short1', 'onlyletters', '1234567890123', 'x'.repeat(120) + '12345678a9']) {
      expect(await run(rules.password(), v), v).toBe(server(passwordSchema, v));
    }
  });

  it('numbers out of range: refused with the server’s words naming the field, never moved into the range', async () => {
    const numberCases: Array<[FormRule, z.ZodType, number[]]> = [
      [rules.range('预算下限（万元）', 'budget'), scenarioNeedFields.budgetMin, [0, 500, 1_000_000, 1_000_001, 99_999_999_999, -1]],
      [rules.range('预算上限（万元）', 'budget'), scenarioNeedFields.budgetMax, [0, 1_000_000, 99_999_999_999]],
      [rules.range('分数', 'score'), scoresSchema.valueType, [0, 100, 150, -5, 99.5]],
      [rules.range('年份', 'caseYear'), referenceCaseSchema.shape.year, [1989, 1990, 2100, 2101]],
      [rules.range('权重', 'criterionWeight'), criterionSchema.shape.weight, [0, 1, 100, 101]],
    ];
    const check = async (rule: FormRule, v: number) => {
      try {
        await (rule as { validator: (r: unknown, v: unknown) => Promise<void> }).validator({}, v);
        return null;
      } catch (e) {
        return (e as Error).message;
      }
    };
    for (const [rule, schema, values] of numberCases) {
      for (const v of values) expect(await check(rule, v), String(v)).toBe(server(schema, v as never));
    }
    expect(await check(rules.range('分数', 'score'), 150)).toBe('分数应在0–100之间');
  });
});
