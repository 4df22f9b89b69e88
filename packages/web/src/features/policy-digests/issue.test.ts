import { describe, expect, it } from 'vitest';
import type { DigestDetail } from './api';
import { DIRECTION_SLOTS, draftOf, draftProblems, issueLabel, moveItem, togglePick, updateBody } from './issue';

const digest: DigestDetail = {
  id: 'd1',
  title: '人工智能政策动态',
  status: 'draft',
  year: null,
  issueNo: null,
  totalNo: null,
  numberText: null,
  itemCount: 2,
  publishedAt: null,
  createdAt: '2026-03-01T00:00:00.000Z',
  intro: null,
  directions: [{ title: '智能制造', text: '工业视觉检测' }],
  version: 3,
  updatedAt: '2026-03-01T00:00:00.000Z',
  publisher: '场景桥',
  issuedOn: '2026-03-01',
  allowedActions: ['publish', 'edit'],
  items: [
    {
      seq: 1,
      policy: { id: 'p1', title: '甲', issuer: null, issuedOn: null, documentNumber: null, status: 'published' },
      summary: '甲摘要',
      measureIds: ['m1'],
      measures: [],
    },
    {
      seq: 2,
      policy: { id: 'p2', title: '乙', issuer: null, issuedOn: null, documentNumber: null, status: 'published' },
      summary: '乙摘要',
      measureIds: [],
      measures: [],
    },
  ],
};

describe('digest issues', () => {
  it('names a published issue by its numbers and a draft as not yet numbered', () => {
    expect(issueLabel({ status: 'published', issueNo: 2, totalNo: 15, numberText: null })).toBe('第2期（总第15期）');
    expect(issueLabel({ status: 'draft', issueNo: null, totalNo: null, numberText: null })).toContain('发布时编号');
  });

  it('moves an item and ignores moves out of range', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b'], 0, 5)).toEqual(['a', 'b']);
  });

  it('keeps picks in the order picked, unpicks on a second click, stops at the limit', () => {
    let picked = togglePick([], 'x', 2);
    picked = togglePick(picked, 'y', 2);
    expect(togglePick(picked, 'z', 2)).toEqual(['x', 'y']);
    expect(togglePick(picked, 'x', 2)).toEqual(['y']);
  });

  it('edits with three direction slots and saves only the filled ones, with the version', () => {
    const draft = draftOf(digest);
    expect(draft.directions).toHaveLength(DIRECTION_SLOTS);
    const body = updateBody({ ...draft, title: '  新标题 ', items: moveItem(draft.items, 1, 0) }, digest.version);
    expect(body.version).toBe(3);
    expect(body.title).toBe('新标题');
    expect(body.intro).toBeNull();
    expect(body.items.map((i) => i.policyId)).toEqual(['p2', 'p1']);
    expect(body.items[1]?.measureIds).toEqual(['m1']);
    expect(body.directions).toEqual([{ title: '智能制造', text: '工业视觉检测' }]);
  });

  it('names what the server would refuse, by the field path it uses', () => {
    const draft = draftOf(digest);
    expect(draftProblems(draft)).toEqual({});
    const bad = {
      ...draft,
      title: '甲',
      items: draft.items.map((i, n) => (n === 1 ? { ...i, summary: '  ' } : i)),
      directions: [
        { title: '', text: '说明无标题' },
        { title: '', text: '' },
        { title: '标题', text: '' },
      ],
    };
    expect(Object.keys(draftProblems(bad)).sort()).toEqual(['directions.0.title', 'items.1.summary', 'title']);
  });
});
