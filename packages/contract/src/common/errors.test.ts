import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_MEANINGS, errorBody } from '@scenebridge/contract/common';

describe('the error code catalogue', () => {
  it('names each code once, under one feature, with a Chinese meaning', () => {
    const all = Object.values(ERROR_CODES).flatMap((codes) => Object.keys(codes));
    expect(new Set(all).size).toBe(all.length);
    expect(Object.keys(ERROR_MEANINGS).sort()).toEqual([...all].sort());
    for (const [code, meaning] of Object.entries(ERROR_MEANINGS)) {
      expect(code).toMatch(/^[A-Z][A-Z_]+$/);
      expect(meaning).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('is what the error body accepts', () => {
    expect(errorBody.safeParse({ error: { code: 'NOT_FOUND', message: '条目不存在或无权访问' } }).success).toBe(true);
    expect(errorBody.safeParse({ error: { code: 'MADE_UP', message: 'x' } }).success).toBe(false);
  });
});
