import { describe, expect, it } from 'vitest';
import { readPolicy } from './read-policy.js';
import { seedText as readSeed } from '../document/seeds.testing.js';

describe('reading a whole policy', () => {
  it('every measure, field and term span lies in the text and inside its measure', () => {
    const text = readSeed('000');
    const r = readPolicy(text);
    expect(r.measures.length).toBeGreaterThan(40);
    for (const m of r.measures) {
      expect(m.span.start).toBeLessThanOrEqual(m.ownSpan.start);
      expect(m.ownSpan.end).toBeLessThanOrEqual(m.span.end);
      for (const f of [...m.responsibleUnits, ...m.beneficiaries, ...m.conditionTexts])
        expect(text.slice(f.span.start, f.span.end)).toBe(f.text);
      for (const t of m.terms) {
        expect(t.span.start).toBeGreaterThanOrEqual(m.ownSpan.start);
        expect(t.span.end).toBeLessThanOrEqual(m.ownSpan.end);
      }
    }
  });

  it('proposes the tiered indirect-cost calculator for the measure that states the tiers, from its own text', () => {
    const text = readSeed('000');
    const r = readPolicy(text);
    const tiered = r.measures.filter((m) => m.calculator?.calculator.kind === 'tiered');
    expect(tiered).toHaveLength(1);
    const m = tiered[0]!;
    expect(text.slice(m.ownSpan.start, m.ownSpan.end)).toContain('间接费用');
    expect(m.calculator!.calculator.sentence).toBe(text.slice(m.ownSpan.start, m.ownSpan.end));
  });

  it('reads a short notice written here: number, validity, a measure with its cap', () => {
    const text = [
      '某区科技局关于支持企业研发的若干措施',
      '某科发〔2026〕3号',
      '一、研发补助。对注册地在本区的企业，按研发投入的10%给予补助，最高100万元。',
      '二、人才奖励。对新引进的博士每人奖励5万元。',
      '本措施自2026年1月1日起施行，有效期至2028年12月31日。',
    ].join('\n');
    const r = readPolicy(text);
    expect(r.metadata.documentNumber).toBe('某科发〔2026〕3号');
    expect(r.metadata.validity).toMatchObject({ until: '2028-12-31' });
    const first = r.measures.find((m) => m.marker === '一、')!;
    expect(first.terms.map((t) => [t.type, t.value, t.unit])).toEqual(
      expect.arrayContaining([
        ['ratio', 10, '%'],
        ['amount_cap', 100, '万元'],
      ]),
    );
    expect(first.calculator?.calculator.kind).toBe('percentage_with_cap');
  });
});
