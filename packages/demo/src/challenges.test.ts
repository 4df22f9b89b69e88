import { describe, expect, it } from 'vitest';
import {
  applicationContentSchema,
  applicationProblems,
  challengeInputSchema,
  qualificationInputSchema,
  shanghaiDay,
  type ChallengeInput,
} from '@scenebridge/domain';
import { demoQualifications, generateApplicationContent, generateChallenges, generateDemoDataset, WAN_YUAN_FEN } from './index.js';

const NOW = new Date('2026-12-07T02:00:00Z'); // 10:00 in Chongqing
const dataset = generateDemoDataset({ seed: 2026, organizations: 30, needs: 200, capabilities: 100, now: NOW });
const challenges = generateChallenges({ seed: 2026, count: 40, needs: dataset.needs, now: NOW });
const parsed = challenges.map((c) => challengeInputSchema.safeParse(c.input));

describe('generateChallenges', () => {
  it('produces inputs that pass challengeInputSchema', () => {
    parsed.forEach((r, i) => expect(r.success, `${challenges[i]!.input.title}: ${JSON.stringify(r.error?.issues)}`).toBe(true));
  });

  it('draws each challenge from a different need, and keeps its sector’s words', () => {
    expect(new Set(challenges.map((c) => c.needIndex)).size).toBe(challenges.length);
    for (const c of challenges) {
      const need = dataset.needs[c.needIndex]!;
      expect(c.input.problem).toContain(need.description);
      expect(c.input.sourceNeedId).toBeNull();
    }
  });

  it('sets 2–4 measurable indicators, 2–4 milestones paying 100%, a reward of 50万–500万元', () => {
    for (const r of parsed) {
      const c = r.data!;
      expect(c.indicators.length).toBeGreaterThanOrEqual(2);
      expect(c.indicators.length).toBeLessThanOrEqual(4);
      expect(new Set(c.indicators.map((i) => i.name)).size).toBe(c.indicators.length);
      for (const i of c.indicators) expect(i.target).toMatch(/\d/);
      expect(c.milestones.length).toBeGreaterThanOrEqual(2);
      expect(c.milestones.length).toBeLessThanOrEqual(4);
      expect(c.milestones.reduce((a, m) => a + m.percent, 0)).toBe(100);
      expect(c.rewardFen % WAN_YUAN_FEN).toBe(0);
      expect(c.rewardFen).toBeGreaterThanOrEqual(50 * WAN_YUAN_FEN);
      expect(c.rewardFen).toBeLessThanOrEqual(500 * WAN_YUAN_FEN);
    }
  });

  it('places deadlines 5–30 days ahead, uses both modes, and the default review scheme', () => {
    const days = parsed.map((r) => (Date.parse(r.data!.applicationDeadline) - NOW.getTime()) / 86_400_000);
    for (const d of days) {
      expect(d).toBeGreaterThan(4);
      expect(d).toBeLessThan(31);
    }
    const modes = parsed.map((r) => r.data!.mode);
    expect(modes.some((m) => m.kind === 'single')).toBe(true);
    for (const m of modes) if (m.kind === 'horse_race') expect([2, 3]).toContain(m.maxTeams);
    expect(modes.some((m) => m.kind === 'horse_race')).toBe(true);
    for (const r of parsed)
      expect(r.data!.reviewScheme.criteria.map((c) => c.key)).toEqual(['advancement', 'feasibility', 'capability', 'pricing']);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateChallenges({ seed: 2026, count: 40, needs: dataset.needs, now: NOW })).toEqual(challenges);
    expect(generateChallenges({ seed: 7, count: 40, needs: dataset.needs, now: NOW })).not.toEqual(challenges);
  });

  it('scales by count, reusing needs once each has been used', () => {
    const few = dataset.needs.slice(0, 3);
    const many = generateChallenges({ seed: 1, count: 7, needs: few, now: NOW });
    expect(many).toHaveLength(7);
    expect(new Set(many.map((c) => c.needIndex))).toEqual(new Set([0, 1, 2]));
    expect(() => generateChallenges({ seed: 1, count: 1, needs: [], now: NOW })).toThrow();
  });
});

describe('generateApplicationContent', () => {
  const today = shanghaiDay(NOW);
  const apps = parsed.flatMap((r, i) =>
    [0, 1].map((k) => ({
      challenge: r.data! as ChallengeInput,
      content: generateApplicationContent({
        seed: 2026,
        index: i * 2 + k,
        target: r.data!,
        leadName: '重庆联微数据科技有限公司',
        now: NOW,
      }),
    })),
  );

  it('passes applicationContentSchema and fits its challenge: quote within the reward, one ordered date per milestone', () => {
    for (const { challenge, content } of apps) {
      const r = applicationContentSchema.safeParse(content);
      expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
      expect(content.quoteFen).toBeLessThanOrEqual(challenge.rewardFen);
      expect(content.quoteFen % WAN_YUAN_FEN).toBe(0);
      expect(applicationProblems(r.data!, { rewardFen: challenge.rewardFen, milestoneCount: challenge.milestones.length }, today)).toEqual(
        [],
      );
    }
  });

  it('plans after the deadline and names the challenge and its indicators', () => {
    for (const { challenge, content } of apps) {
      expect(content.schedule[0]!.plannedDate > challenge.applicationDeadline.slice(0, 10)).toBe(true);
      expect(content.plan).toContain(challenge.title);
      for (const i of challenge.indicators) expect(content.plan).toContain(i.name);
    }
  });

  it('is deterministic for a seed and index', () => {
    const again = generateApplicationContent({
      seed: 2026,
      index: 0,
      target: parsed[0]!.data!,
      leadName: '重庆联微数据科技有限公司',
      now: NOW,
    });
    expect(again).toEqual(apps[0]!.content);
    expect(apps[1]!.content).not.toEqual(apps[0]!.content);
  });
});

describe('demoQualifications', () => {
  it('gives enterprise suppliers valid qualifications and others none, deterministically', () => {
    const enterprises = dataset.organizations.filter((o) => o.kind === 'ai_company' || o.kind === 'private_enterprise');
    expect(enterprises.length).toBeGreaterThan(3);
    for (const o of enterprises) {
      const qs = demoQualifications({ seed: 2026, creditCode: o.creditCode, kind: o.kind, now: NOW });
      expect(qs.map((q) => q.code)).toContain('high_tech_enterprise');
      expect(new Set(qs.map((q) => q.code)).size).toBe(qs.length);
      for (const q of qs) {
        expect(qualificationInputSchema.safeParse(q).success).toBe(true);
        expect(q.validUntil > shanghaiDay(NOW)).toBe(true);
      }
      expect(demoQualifications({ seed: 2026, creditCode: o.creditCode, kind: o.kind, now: NOW })).toEqual(qs);
    }
    expect(demoQualifications({ seed: 2026, creditCode: dataset.organizations[0]!.creditCode, kind: 'university', now: NOW })).toEqual([]);
  });
});
