import { describe, expect, it } from 'vitest';
import { pickPageState } from './pageState';

describe('pickPageState', () => {
  it('a page the user may not use says only that, whatever else happened', () => {
    expect(pickPageState({ blocked: '机构通过审核后才能订阅。', error: new Error('403'), count: 0 })).toBe('blocked');
  });
  it('a load error is not also an empty list', () => {
    expect(pickPageState({ error: new Error('x'), count: 0 })).toBe('error');
    expect(pickPageState({ error: new Error('x') })).toBe('error');
  });
  it('empty only once loaded without rows; loading and rows are ready', () => {
    expect(pickPageState({ count: 0 })).toBe('empty');
    expect(pickPageState({})).toBe('ready');
    expect(pickPageState({ count: 3, blocked: null })).toBe('ready');
  });
});
