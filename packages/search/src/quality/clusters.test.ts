import { describe, expect, it } from 'vitest';
import * as demo from '@scenebridge/demo';
import { clusterNearDuplicates, type ClusterItem } from './clusters.js';
import { DIFFERENT_NEED_PAIRS, SAME_NEED_PAIRS } from './pairs.fixture.js';
import { DEFAULT_DUPLICATE_THRESHOLD } from './similarity.js';

const ds = demo.generateDemoDataset({
  seed: 21,
  organizations: 30,
  needs: 150,
  capabilities: 0,
  now: new Date('2026-03-01T00:00:00+08:00'),
});
const generated: ClusterItem[] = ds.needs.map((n, i) => ({
  id: `demo-${i}`,
  organizationId: n.ownerCreditCode,
  title: n.title,
  text: n.description,
}));

const steel = SAME_NEED_PAIRS.find((p) => p.name.startsWith('steel'))!;
const river = SAME_NEED_PAIRS.find((p) => p.name.startsWith('floating litter'))!;
const imaging = DIFFERENT_NEED_PAIRS.find((p) => p.name.startsWith('AI imaging'))!;
const planted: ClusterItem[] = [
  // The same need from two organisations (a steel works and an industry bureau).
  { id: 'steel-works', organizationId: 'org-steel-works', ...steel.a },
  { id: 'steel-bureau', organizationId: 'org-industry-bureau', ...steel.b },
  // One district environment bureau posting the same need twice (two batches).
  { id: 'river-2025', organizationId: 'org-env-bureau', ...river.a },
  { id: 'river-2026', organizationId: 'org-env-bureau', ...river.b },
  // Two hospitals, two different AI imaging needs.
  { id: 'lung-hospital', organizationId: 'org-hospital-1', ...imaging.a },
  { id: 'eye-hospital', organizationId: 'org-hospital-2', ...imaging.b },
];
const items = [...generated, ...planted];
const orgOf = new Map(items.map((i) => [i.id, i.organizationId]));

describe('clusterNearDuplicates', () => {
  const clusters = clusterNearDuplicates(items);
  const clusterOf = (id: string) => clusters.find((c) => c.ids.includes(id));

  it('groups the same need posted by two organisations, with its score and shared terms', () => {
    const c = clusterOf('steel-works');
    expect(c?.ids).toContain('steel-bureau');
    const pair = c!.pairs.find((p) => [p.a, p.b].sort().join() === 'steel-bureau,steel-works');
    expect(pair!.similarity).toBeGreaterThanOrEqual(DEFAULT_DUPLICATE_THRESHOLD);
    expect(pair!.sharedTerms.length).toBeGreaterThan(0);
  });

  it('leaves one organisation’s own duplicates out unless asked', () => {
    expect(clusterOf('river-2025')).toBeUndefined();
    expect(clusterOf('river-2026')).toBeUndefined();
    const all = clusterNearDuplicates(items, { includeSameOrganisation: true });
    const c = all.find((x) => x.ids.includes('river-2025'));
    expect(c?.ids).toContain('river-2026');
    expect(c!.organizationIds).toEqual(['org-env-bureau']);
  });

  it('does not group different needs that share technique and sector', () => {
    const c = clusterOf('lung-hospital');
    expect(c?.ids ?? []).not.toContain('eye-hospital');
  });

  it('returns well-formed clusters across organisations', () => {
    expect(clusters.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    for (const c of clusters) {
      expect(new Set(c.ids).size).toBe(c.ids.length);
      for (const id of c.ids) {
        expect(seen.has(id)).toBe(false); // each item in at most one cluster
        seen.add(id);
      }
      expect(c.ids[0]).toBe(c.representative);
      expect(c.organizationIds.length).toBeGreaterThanOrEqual(2);
      expect(new Set(c.ids.map((id) => orgOf.get(id)))).toEqual(new Set(c.organizationIds));
      expect(c.pairs.length).toBeGreaterThanOrEqual(c.ids.length - 1); // connected
      for (const p of c.pairs) {
        expect(c.ids).toContain(p.a);
        expect(c.ids).toContain(p.b);
        expect(p.similarity).toBeGreaterThanOrEqual(DEFAULT_DUPLICATE_THRESHOLD);
      }
      for (let k = 1; k < c.pairs.length; k++) expect(c.pairs[k - 1]!.similarity).toBeGreaterThanOrEqual(c.pairs[k]!.similarity);
    }
  });

  it('is deterministic and respects the threshold option', () => {
    expect(clusterNearDuplicates(items)).toEqual(clusters);
    const strict = clusterNearDuplicates(items, { threshold: 0.99 });
    for (const c of strict) for (const p of c.pairs) expect(p.similarity).toBeGreaterThanOrEqual(0.99);
    expect(strict.flatMap((c) => c.ids)).not.toContain('steel-works');
  });

  it('groups identical copies even when they are nothing but boilerplate', () => {
    const vague = { title: '智慧城市平台建设', text: '建设智慧城市综合管理平台，提升城市管理水平，打造示范标杆。' };
    const c = clusterNearDuplicates([
      ...generated,
      { id: 'copy-1', organizationId: 'org-x', ...vague },
      { id: 'copy-2', organizationId: 'org-y', ...vague },
    ]);
    const hit = c.find((x) => x.ids.includes('copy-1'));
    expect(hit?.ids).toContain('copy-2');
    expect(hit!.pairs.filter((p) => [p.a, p.b].includes('copy-2'))).toHaveLength(1);
  });

  it('handles empty input and items without duplicates', () => {
    expect(clusterNearDuplicates([])).toEqual([]);
    expect(clusterNearDuplicates(planted.slice(4))).toEqual([]);
  });
});
