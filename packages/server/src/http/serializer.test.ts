import { callDetail } from '@scenebridge/contract/calls';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { contractSerializer } from './serializer.js';

const serializerFor = (schema: z.ZodType) =>
  contractSerializer({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never) as (data: unknown) => string;

describe('the contract serialiser', () => {
  const item = z.object({
    id: z.string(),
    title: z.string(),
    budget: z.number().nullable(),
    tags: z.array(z.string()),
    data: z.record(z.string(), z.unknown()),
  });

  it('writes what the contract names, exactly as JSON.stringify would', () => {
    const value = { id: 'a1', title: '冷轧钢板“缺陷”检测\n二期', budget: null, tags: ['视觉', 'AI'], data: { nested: { n: 1, s: 'x' } } };
    expect(serializerFor(item)(value)).toBe(JSON.stringify(value));
  });

  it('never writes a field the contract does not name', () => {
    const out = JSON.parse(
      serializerFor(item)({ id: 'a1', title: 't', budget: 5, tags: [], data: {}, passwordHash: 'secret', internalNote: 'x' }),
    );
    expect(Object.keys(out).sort()).toEqual(['budget', 'data', 'id', 'tags', 'title']);
  });

  it('compiles a real contract schema (a call), and a missing required field is an error, not a shorter answer', () => {
    const write = serializerFor(callDetail);
    expect(() => write({ id: 'c', title: 't' })).toThrow(/required/);
  });
});
