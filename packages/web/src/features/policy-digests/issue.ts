/** Small rules of the digest pages: how an issue is named and how the editor's draft changes. */
import type { DigestDetail, DigestDirection, DigestSummary, DigestUpdate } from './api';

/** 第N期（总第M期）, or what a draft will get. */
export function issueLabel(d: Pick<DigestSummary, 'status' | 'issueNo' | 'totalNo' | 'numberText'>): string {
  if (d.numberText) return d.numberText;
  if (d.issueNo && d.totalNo) return `第${d.issueNo}期（总第${d.totalNo}期）`;
  return '草稿（发布时编号）';
}

/** The list moved: the item at `from` now at `to`; out-of-range moves change nothing. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

export interface DraftItem {
  policyId: string;
  title: string;
  summary: string;
  measureIds: string[];
}

export interface Draft {
  title: string;
  intro: string;
  items: DraftItem[];
  directions: DigestDirection[];
}

/** The editor always shows three direction slots (本期推荐研究方向), filled from the issue. */
export const DIRECTION_SLOTS = 3;

export function draftOf(d: DigestDetail): Draft {
  const directions = d.directions.slice(0, DIRECTION_SLOTS);
  while (directions.length < DIRECTION_SLOTS) directions.push({ title: '', text: '' });
  return {
    title: d.title,
    intro: d.intro ?? '',
    items: d.items.map((i) => ({ policyId: i.policy.id, title: i.policy.title, summary: i.summary, measureIds: i.measureIds })),
    directions,
  };
}

/** The PUT body: blank direction slots are left out, texts trimmed, an empty intro is null. */
export function updateBody(draft: Draft, version: number): DigestUpdate {
  return {
    version,
    title: draft.title.trim(),
    intro: draft.intro.trim() || null,
    items: draft.items.map((i) => ({ policyId: i.policyId, summary: i.summary.trim(), measureIds: i.measureIds })),
    directions: draft.directions
      .map((d) => ({ title: d.title.trim(), text: d.text.trim() }))
      .filter((d) => d.title !== '' || d.text !== ''),
  };
}

/** Policies picked in the composer, in the order picked; a second click takes one out. */
export function togglePick(picked: readonly string[], id: string, max: number): string[] {
  if (picked.includes(id)) return picked.filter((p) => p !== id);
  return picked.length >= max ? [...picked] : [...picked, id];
}

/**
 * What the server would refuse in a draft, keyed by the body's field path (as its
 * VALIDATION_FAILED details name them), so each message shows next to its field.
 */
export function draftProblems(draft: Draft): Record<string, string> {
  const out: Record<string, string> = {};
  const title = draft.title.trim();
  if (title.length < 2) out.title = title ? '标题至少2个字' : '请填写标题';
  draft.items.forEach((item, i) => {
    if (!item.summary.trim()) out[`items.${i}.summary`] = '请填写摘要';
  });
  draft.directions.forEach((d, i) => {
    if (d.text.trim() && !d.title.trim()) out[`directions.${i}.title`] = '请填写方向标题';
  });
  return out;
}
