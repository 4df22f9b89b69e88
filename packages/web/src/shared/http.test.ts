import { describe, expect, it } from 'vitest';
import { dispositionFileName } from './http';

describe('dispositionFileName', () => {
  it('prefers the UTF-8 name, then the plain one, then the fallback', () => {
    const star = `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent('填报记录_20261207-1305.xlsx')}`;
    expect(dispositionFileName(star, 'x.xlsx')).toBe('填报记录_20261207-1305.xlsx');
    expect(dispositionFileName('attachment; filename="export.xlsx"', 'x.xlsx')).toBe('export.xlsx');
    expect(dispositionFileName("attachment; filename*=UTF-8''%E0%A4%A", 'x.xlsx')).toBe('x.xlsx');
    expect(dispositionFileName(null, 'x.xlsx')).toBe('x.xlsx');
  });
});
