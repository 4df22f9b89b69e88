import { describe, expect, it } from 'vitest';
import {
  callInputSchema,
  capabilitySchema,
  checkCreditCode,
  emailSchema,
  isKnownRegion,
  newUserSchema,
  ORGANIZATION_KINDS,
  organizationRegistrationSchema,
  passwordSchema,
  scenarioNeedSchema,
  SECTOR_CODES,
  TECH_FIELD_CODES,
} from '@scenebridge/domain';
import {
  DEMO_BROKER_EMAIL,
  DEMO_REGISTRAR_EMAIL,
  DEMO_OPERATOR_EMAIL,
  DEMO_PASSWORD,
  DEMO_REVIEWER_EMAILS,
  generateCapabilities,
  generateDemoCalls,
  generateDemoDataset,
  generateOrganizations,
  generateScenarioNeeds,
  isDemandSide,
  isSupplySide,
  orgCodeCheckChar,
  Rng,
  SECTOR_TEMPLATES,
  sectorAffinity,
  selfReference,
  TECH_PHRASES,
} from './index.js';

const NOW = new Date('2026-03-15T02:00:00Z'); // 10:00 in Chongqing
const dataset = generateDemoDataset({ seed: 2026, organizations: 30, needs: 200, capabilities: 100, now: NOW });

describe('Rng', () => {
  it('fills templates with alternatives, ranges and named slots', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 200; i++) {
      const s = rng.fill('{obj}检出率达到{98|99}%，节拍{1-3}秒', { obj: '锂电池极片' });
      expect(s).toMatch(/^锂电池极片检出率达到(98|99)%，节拍[123]秒$/);
    }
  });
});

describe('generateOrganizations', () => {
  const orgs = generateOrganizations({ seed: 11, count: 30 });

  it('produces 30 distinct organisations of every kind that pass the registration schema', () => {
    expect(orgs).toHaveLength(30);
    expect(new Set(orgs.map((o) => o.name)).size).toBe(30);
    expect(new Set(orgs.map((o) => o.kind))).toEqual(new Set(ORGANIZATION_KINDS));
    for (const o of orgs) {
      const r = organizationRegistrationSchema.safeParse(o);
      expect(r.success, `${o.name}: ${JSON.stringify(r.error?.issues)}`).toBe(true);
    }
  });

  it('gives every organisation a valid, unique credit code carrying its region', () => {
    const codes = orgs.map((o) => o.creditCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const o of orgs) {
      expect(checkCreditCode(o.creditCode)).toEqual({ ok: true, code: o.creditCode });
      expect(o.creditCode.slice(2, 8)).toBe(o.regionCode);
      expect(isKnownRegion(o.regionCode)).toBe(true);
      // The organisation code (positions 9–17) carries its own GB 11714 check character.
      expect(orgCodeCheckChar(o.creditCode.slice(8, 16))).toBe(o.creditCode[16]);
    }
  });

  it('uses the registration authority and type that fit the kind', () => {
    for (const o of orgs) {
      const head = o.creditCode.slice(0, 2);
      if (o.kind === 'ai_company' || o.kind === 'private_enterprise' || o.kind === 'soe') expect(head).toBe('91');
      if (o.kind === 'government') expect(head).toBe('11');
      if (o.kind === 'hospital' || o.kind === 'school' || o.kind === 'university') expect(head).toBe('12');
      expect(['11', '12', '51', '52', '91']).toContain(head);
    }
  });

  it('looks Chinese: names, contacts, phones, addresses, admin accounts', () => {
    for (const o of orgs) {
      expect(o.name).toMatch(/^[\u4e00-\u9fa5（）0-9]+$/);
      expect(o.contactName).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
      expect(o.contactPhone).toMatch(/^(1[3-9]\d{9}|0\d{2,3}-\d{7,8})$/);
      expect(o.address.length).toBeGreaterThan(8);
      expect(o.admin.email).toMatch(/^admin\+\d+@[a-z0-9-]+\.example\.cn$/);
      expect(o.admin.password).toBe(DEMO_PASSWORD);
    }
    expect(orgs.filter((o) => o.regionCode.startsWith('50')).length).toBeGreaterThan(orgs.length / 2);
  });

  it('scales to thousands with unique names and codes', () => {
    const many = generateOrganizations({ seed: 5, count: 3000 });
    expect(new Set(many.map((o) => o.name)).size).toBe(3000);
    expect(new Set(many.map((o) => o.creditCode)).size).toBe(3000);
    expect(new Set(many.map((o) => o.admin.email)).size).toBe(3000);
    for (const o of many) expect(checkCreditCode(o.creditCode).ok).toBe(true);
    // Some suppliers come from outside Chongqing.
    expect(many.some((o) => !o.regionCode.startsWith('50'))).toBe(true);
  });

  it('is deterministic', () => {
    expect(generateOrganizations({ seed: 11, count: 30 })).toEqual(orgs);
    expect(generateOrganizations({ seed: 12, count: 30 })).not.toEqual(orgs);
  });
});

describe('scenes', () => {
  it('cover all 21 sectors and all technology fields, with phrases for each', () => {
    expect(SECTOR_TEMPLATES.map((s) => s.sector).sort()).toEqual([...SECTOR_CODES].sort());
    const used = new Set(SECTOR_TEMPLATES.flatMap((s) => s.scenes.flatMap((sc) => sc.tech)));
    expect([...used].sort()).toEqual([...TECH_FIELD_CODES].sort());
    for (const code of TECH_FIELD_CODES) expect(TECH_PHRASES[code].length).toBeGreaterThan(0);
    for (const s of SECTOR_TEMPLATES) {
      for (const r of s.related) expect(SECTOR_CODES).toContain(r);
      for (const sc of s.scenes) {
        expect(sc.tech.length).toBeGreaterThanOrEqual(2);
        for (const list of [sc.titles, sc.objects, sc.backgrounds, sc.pains, sc.asks, sc.offers]) expect(list.length).toBeGreaterThan(0);
        expect(sc.goals.length).toBeGreaterThanOrEqual(3);
      }
    }
  });
});

describe('generateScenarioNeeds', () => {
  const { needs, organizations } = dataset;
  const byCode = new Map(organizations.map((o) => [o.creditCode, o]));

  it('every need passes scenarioNeedSchema', () => {
    expect(needs).toHaveLength(200);
    for (const n of needs) {
      const r = scenarioNeedSchema.safeParse(n);
      expect(r.success, `${n.title}: ${JSON.stringify(r.error?.issues)}`).toBe(true);
    }
  });

  it('covers all 21 sectors in 200 needs', () => {
    expect(new Set(needs.map((n) => n.sector))).toEqual(new Set(SECTOR_CODES));
  });

  it('is posted by demand-side organisations of the data set', () => {
    for (const n of needs) {
      const owner = byCode.get(n.ownerCreditCode);
      expect(owner, n.ownerCreditCode).toBeDefined();
      expect(isDemandSide(owner!.kind)).toBe(true);
    }
  });

  it('has descriptions of 80–400 characters, budgets in order, outcomes with numbers', () => {
    for (const n of needs) {
      expect(n.description.length).toBeGreaterThanOrEqual(80);
      expect(n.description.length).toBeLessThanOrEqual(400);
      if (n.budgetMin !== undefined && n.budgetMax !== undefined) expect(n.budgetMin).toBeLessThanOrEqual(n.budgetMax);
      expect(n.expectedOutcome).toMatch(/\d/);
      expect(n.regionCode.startsWith('50')).toBe(true);
      expect(new Set(n.techFields).size).toBe(n.techFields.length);
    }
    expect(needs.some((n) => /\d+(\.\d+)?%以上/.test(n.expectedOutcome))).toBe(true);
  });

  it('mentions its technology fields in the text', () => {
    for (const n of needs) {
      for (const f of n.techFields) {
        expect(
          TECH_PHRASES[f].some((p) => n.description.includes(p)),
          `${f} in ${n.description}`,
        ).toBe(true);
      }
    }
  });

  it('lets owners speak for themselves', () => {
    const hospitalNeeds = needs.filter((n) => byCode.get(n.ownerCreditCode)?.kind === 'hospital');
    for (const n of hospitalNeeds) expect(['healthcare', 'elderly_care']).toContain(n.sector);
    const schoolNeeds = needs.filter((n) => byCode.get(n.ownerCreditCode)?.kind === 'school');
    for (const n of schoolNeeds) expect(n.sector).toBe('education');
    expect(selfReference({ name: '重庆市渝北区经济和信息化委员会', kind: 'government' })).toBe('我委');
    expect(selfReference({ name: '重庆市渝北区人民政府', kind: 'government' })).toBe('我区');
    expect(sectorAffinity({ name: '重庆市渝北区人民政府', kind: 'government' })).toBeNull();
    expect(sectorAffinity({ name: '重庆市公安局渝北区分局', kind: 'government' })).toContain('public_safety');
  });

  // How fast it generates is the benchmarks' business (tests never assert on timings).
  it('varies wording at scale', () => {
    const owners = generateOrganizations({ seed: 3, count: 500 }).filter((o) => isDemandSide(o.kind));
    const many = generateScenarioNeeds({ seed: 3, count: 10_000, owners });
    expect(many).toHaveLength(10_000);
    expect(new Set(many.map((n) => n.description)).size).toBeGreaterThan(9_900);
    expect(new Set(many.map((n) => n.title)).size).toBeGreaterThan(3_000);
    for (const n of many.filter((_, i) => i % 50 === 0)) expect(scenarioNeedSchema.safeParse(n).success).toBe(true);
  });

  it('refuses an empty owner list', () => {
    expect(() => generateScenarioNeeds({ seed: 1, count: 1, owners: [] })).toThrow(/owners/);
  });
});

describe('generateCapabilities', () => {
  const { capabilities, organizations } = dataset;
  const byCode = new Map(organizations.map((o) => [o.creditCode, o]));

  it('every capability passes capabilitySchema', () => {
    expect(capabilities).toHaveLength(100);
    for (const c of capabilities) {
      const r = capabilitySchema.safeParse(c);
      expect(r.success, `${c.title}: ${JSON.stringify(r.error?.issues)}`).toBe(true);
    }
  });

  it('comes from suppliers, with TRL 1–9, up to 3 cases and consistent sectors', () => {
    for (const c of capabilities) {
      const owner = byCode.get(c.ownerCreditCode);
      expect(owner && isSupplySide(owner.kind)).toBe(true);
      expect(c.maturityTrl).toBeGreaterThanOrEqual(1);
      expect(c.maturityTrl).toBeLessThanOrEqual(9);
      expect(c.referenceCases.length).toBeLessThanOrEqual(3);
      expect(new Set(c.sectors).size).toBe(c.sectors.length);
      expect(c.regionCode).toBe(owner!.regionCode);
    }
    expect(new Set(capabilities.map((c) => c.sectors[0]))).toEqual(new Set(SECTOR_CODES));
    expect(capabilities.some((c) => c.referenceCases.length === 0)).toBe(true);
    expect(capabilities.some((c) => c.referenceCases.length === 3)).toBe(true);
  });

  it('scales', () => {
    const owners = generateOrganizations({ seed: 4, count: 400 }).filter((o) => isSupplySide(o.kind));
    const many = generateCapabilities({ seed: 4, count: 5000, owners });
    expect(new Set(many.map((c) => c.description)).size).toBeGreaterThan(4_900);
  });
});

describe('generateDemoDataset', () => {
  it('puts the operator organisation first and keeps codes unique', () => {
    const { organizations, operatorOrganization } = dataset;
    expect(organizations).toHaveLength(31);
    expect(organizations[0]).toBe(operatorOrganization);
    expect(new Set(organizations.map((o) => o.creditCode)).size).toBe(31);
    expect(new Set(organizations.map((o) => o.name)).size).toBe(31);
    for (const o of organizations) expect(organizationRegistrationSchema.safeParse(o).success).toBe(true);
  });

  it('has an admin per organisation plus operator, three reviewers, a broker and a registrar', () => {
    const { users, organizations, operatorOrganization } = dataset;
    expect(passwordSchema.safeParse(DEMO_PASSWORD).success).toBe(true);
    expect(users).toHaveLength(organizations.length + 6);
    expect(new Set(users.map((u) => u.email)).size).toBe(users.length);
    for (const u of users) {
      expect(newUserSchema.safeParse(u).success).toBe(true);
      expect(emailSchema.parse(u.email)).toBe(u.email);
      expect(u.password).toBe(DEMO_PASSWORD);
    }
    const codes = new Set(organizations.map((o) => o.creditCode));
    for (const o of organizations) {
      expect(users.filter((u) => u.organizationCreditCode === o.creditCode && u.roles.includes('org_admin'))).toHaveLength(1);
    }
    const byEmail = new Map(users.map((u) => [u.email, u]));
    expect(byEmail.get(DEMO_OPERATOR_EMAIL)?.roles).toEqual(['operator']);
    expect(byEmail.get(DEMO_OPERATOR_EMAIL)?.organizationCreditCode).toBe(operatorOrganization.creditCode);
    for (const e of DEMO_REVIEWER_EMAILS) expect(byEmail.get(e)?.roles).toEqual(['reviewer']);
    expect(byEmail.get(DEMO_BROKER_EMAIL)?.roles).toEqual(['broker']);
    expect(byEmail.get(DEMO_REGISTRAR_EMAIL)?.roles).toEqual(['registrar']);
    for (const u of users) if (u.organizationCreditCode) expect(codes.has(u.organizationCreditCode)).toBe(true);
  });

  it('places calls around now with +08:00 times: two open, one closed, two earlier ones to publish', () => {
    const { calls } = dataset;
    expect(calls.map((c) => [c.key, c.listType, c.state])).toEqual([
      ['need_open', 'scenario_need', 'open'],
      ['capability_open', 'capability', 'open'],
      ['need_closed', 'scenario_need', 'closed'],
      ['need_published', 'scenario_need', 'reviewing'],
      ['capability_published', 'capability', 'reviewing'],
    ]);
    for (const c of calls) {
      expect(callInputSchema.safeParse(c).success).toBe(true);
      expect(c.opensAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
      const open = Date.parse(c.opensAt) <= NOW.getTime() && NOW.getTime() < Date.parse(c.closesAt);
      expect(open).toBe(c.state === 'open');
      if (c.state === 'reviewing') expect(Date.parse(c.closesAt)).toBeLessThan(Date.parse(calls[2]!.opensAt));
    }
    expect(calls[0]!.opensAt).toBe('2026-03-08T09:00:00+08:00');
    expect(calls.map((c) => c.title)).toEqual([
      '2026年第一批人工智能应用场景机会清单征集',
      '2026年人工智能场景能力清单征集',
      '2025年第四批人工智能应用场景机会清单征集',
      '2025年第三批人工智能应用场景机会清单征集',
      '2025年第一批人工智能场景能力清单征集',
    ]);
    expect(new Set(calls.map((c) => c.title)).size).toBe(5);
  });

  it('names batches sensibly across a year boundary', () => {
    const calls = generateDemoCalls(new Date('2026-08-20T02:00:00Z'));
    expect(calls[0]!.title).toMatch(/^2026年第三批/);
    expect(calls[2]!.title).toMatch(/^2026年第二批/);
    // Shanghai date, not UTC date: 23:30 UTC on 31 Dec is already 1 Jan in Chongqing.
    expect(generateDemoCalls(new Date('2025-12-31T23:30:00Z'))[0]!.title).toMatch(/^2026年/);
  });

  it('is deterministic for a seed', () => {
    const again = generateDemoDataset({ seed: 2026, organizations: 30, needs: 200, capabilities: 100, now: NOW });
    expect(again).toEqual(dataset);
    const other = generateDemoDataset({ seed: 2027, organizations: 30, needs: 200, capabilities: 100, now: NOW });
    expect(other.organizations).not.toEqual(dataset.organizations);
    expect(other.needs).not.toEqual(dataset.needs);
  });

  it('uses defaults of 30 organisations, 200 needs and 100 capabilities', () => {
    const d = generateDemoDataset({ seed: 1, now: NOW });
    expect([d.organizations.length, d.needs.length, d.capabilities.length]).toEqual([31, 200, 100]);
  });
});
