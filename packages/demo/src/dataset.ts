/** A complete demo data set: organisations, needs, capabilities, calls and user accounts. */
import type { CallInput, Role } from '@scenebridge/domain';
import { generateCapabilities, type DemoCapability } from './capabilities.js';
import { DEMO_EMAIL_SUFFIX, DEMO_PASSWORD } from './constants.js';
import { generateScenarioNeeds, type DemoScenarioNeed } from './needs.js';
import {
  buildOrganization,
  generateOrganizationsWith,
  isDemandSide,
  isSupplySide,
  newOrgRegistry,
  type DemoOrganization,
} from './organizations.js';
import { personName } from './people.js';
import { Rng, type Seed } from './random.js';

/** The platform operator's own organisation and its e-mail domain. */
export const DEMO_OPERATOR_ORG_NAME = '重庆市人工智能场景创新促进中心';
const OPERATOR_DOMAIN = `cqaiscene.${DEMO_EMAIL_SUFFIX}`;
export const DEMO_OPERATOR_EMAIL = `operator@${OPERATOR_DOMAIN}`;
export const DEMO_REVIEWER_EMAILS = [1, 2, 3].map((n) => `reviewer${n}@${OPERATOR_DOMAIN}`);
export const DEMO_BROKER_EMAIL = `broker@${OPERATOR_DOMAIN}`;
/** 技术合同登记员: the registration desk sits with the operator in the demo region. */
export const DEMO_REGISTRAR_EMAIL = `registrar@${OPERATOR_DOMAIN}`;

export interface DemoUser {
  email: string;
  displayName: string;
  password: string;
  roles: Role[];
  /** The organisation the user belongs to, by credit code; null for none. */
  organizationCreditCode: string | null;
}

/** A call ready for `callInputSchema`, plus where the demo expects it to be. */
export type DemoCallKey = 'need_open' | 'capability_open' | 'need_closed' | 'need_published' | 'capability_published';
/** `reviewing` calls are the earlier ones whose items the seed publishes as numbered batches. */
export type DemoCall = CallInput & { key: DemoCallKey; state: 'open' | 'closed' | 'reviewing' };

export interface DemoDataset {
  /** The operator organisation first, then the generated ones. */
  organizations: DemoOrganization[];
  operatorOrganization: DemoOrganization;
  needs: DemoScenarioNeed[];
  capabilities: DemoCapability[];
  calls: DemoCall[];
  users: DemoUser[];
}

const DAY = 86_400_000;
const SHANGHAI_OFFSET = 8 * 3_600_000;

/** The Shanghai calendar day `days` after `now`, at hh:mm, as ISO-8601 with +08:00. */
export function shanghaiIso(now: Date, days: number, hh: number, mm = 0): string {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET + days * DAY);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${local.getUTCFullYear()}-${p(local.getUTCMonth() + 1)}-${p(local.getUTCDate())}T${p(hh)}:${p(mm)}:00+08:00`;
}
const shanghaiDate = (now: Date, days = 0) => new Date(now.getTime() + SHANGHAI_OFFSET + days * DAY);
const CN_NUMBERS = ['一', '二', '三', '四'];
/** Scenario lists come out quarterly here: a call opened in November belongs to 第四批. */
function batchLabel(now: Date, days: number): string {
  const d = shanghaiDate(now, days);
  return `${d.getUTCFullYear()}年第${CN_NUMBERS[Math.floor(d.getUTCMonth() / 3)]}批`;
}

const NEED_SCHEME: CallInput['reviewScheme'] = {
  reviewersPerItem: 3,
  blind: false,
  criteria: [
    { key: 'urgency', name: '需求迫切性', weight: 30 },
    { key: 'demonstration', name: '示范带动性', weight: 25 },
    { key: 'feasibility', name: '技术可行性', weight: 25 },
    { key: 'openness', name: '开放条件', weight: 20 },
  ],
};
const CAPABILITY_SCHEME: CallInput['reviewScheme'] = {
  reviewersPerItem: 3,
  blind: true,
  criteria: [
    { key: 'advancement', name: '技术先进性', weight: 30 },
    { key: 'feasibility', name: '方案可行性', weight: 25 },
    { key: 'capacity', name: '实施能力', weight: 25 },
    { key: 'outcomes', name: '应用成效', weight: 20 },
  ],
};

/**
 * Three calls placed around `now`: an open scenario-need call (opened a week ago, closes in
 * 30 days), an open capability call, and an earlier quarter's scenario-need call, closed.
 * Batches are numbered by the quarter the call opens in, so the two need calls never share a title.
 */
export function generateDemoCalls(now: Date): DemoCall[] {
  const year = shanghaiDate(now).getUTCFullYear();
  return [
    {
      key: 'need_open',
      state: 'open',
      title: `${batchLabel(now, 0)}人工智能应用场景机会清单征集`,
      listType: 'scenario_need',
      description:
        '为加快场景创新，以人工智能高水平应用促进经济高质量发展，现面向全市政府部门、企事业单位、医院、学校和产业园区征集人工智能应用场景需求。' +
        '入选场景将纳入场景机会清单统一发布，并组织供需对接和“揭榜挂帅”。请按要求如实填写场景名称、所属领域、场景描述、开放条件、预算和预期成效。',
      opensAt: shanghaiIso(now, -7, 9),
      closesAt: shanghaiIso(now, 30, 17),
      reviewScheme: NEED_SCHEME,
    },
    {
      key: 'capability_open',
      state: 'open',
      title: `${year}年人工智能场景能力清单征集`,
      listType: 'capability',
      description:
        '面向人工智能企业、高校院所和新型研发机构征集成熟可用的人工智能产品、解决方案和技术成果，经评审后纳入场景能力清单，向场景方定期推送。' +
        '申报内容应包括技术领域、服务领域、技术成熟度和典型应用案例。',
      opensAt: shanghaiIso(now, -14, 9),
      closesAt: shanghaiIso(now, 45, 17),
      reviewScheme: CAPABILITY_SCHEME,
    },
    {
      key: 'need_closed',
      state: 'closed',
      title: `${batchLabel(now, -120)}人工智能应用场景机会清单征集`,
      listType: 'scenario_need',
      description: '本批次征集已截止，评审结果将另行公布。征集范围包括制造、城市管理、医疗、教育等重点领域的人工智能应用场景需求。',
      opensAt: shanghaiIso(now, -120, 9),
      closesAt: shanghaiIso(now, -60, 17),
      reviewScheme: NEED_SCHEME,
    },
    {
      key: 'need_published',
      state: 'reviewing',
      title: `${batchLabel(now, -240)}人工智能应用场景机会清单征集`,
      listType: 'scenario_need',
      description: '本批次已完成专家评审，入选场景已纳入场景机会清单发布，欢迎供给方对接。',
      opensAt: shanghaiIso(now, -240, 9),
      closesAt: shanghaiIso(now, -200, 17),
      reviewScheme: NEED_SCHEME,
    },
    {
      key: 'capability_published',
      state: 'reviewing',
      title: `${shanghaiDate(now, -220).getUTCFullYear()}年第一批人工智能场景能力清单征集`,
      listType: 'capability',
      description: '本批次已完成专家评审，入选能力已纳入场景能力清单发布，向场景方推送。',
      opensAt: shanghaiIso(now, -220, 9),
      closesAt: shanghaiIso(now, -180, 17),
      reviewScheme: CAPABILITY_SCHEME,
    },
  ];
}

export interface DemoDatasetOptions {
  seed: Seed;
  /** Generated organisations, besides the operator's own. */
  organizations?: number;
  needs?: number;
  capabilities?: number;
  /** Calls are placed around this time; defaults to the current time (only `calls` depend on it). */
  now?: Date;
}

export function generateDemoDataset(opts: DemoDatasetOptions): DemoDataset {
  const rng = new Rng(opts.seed, 'dataset');
  const registry = newOrgRegistry();
  const operatorOrganization = buildOrganization(
    rng,
    registry,
    { name: DEMO_OPERATOR_ORG_NAME, domain: 'cqaiscene', regionCode: '500000', authority: '12', style: 'digits' },
    'service_agency',
    0,
  );
  const generated = generateOrganizationsWith(new Rng(opts.seed, 'organizations'), registry, opts.organizations ?? 30, 1);
  const organizations = [operatorOrganization, ...generated];

  const demand = generated.filter((o) => isDemandSide(o.kind));
  const supply = generated.filter((o) => isSupplySide(o.kind));
  const needs = generateScenarioNeeds({ seed: opts.seed, count: opts.needs ?? 200, owners: demand.length ? demand : generated });
  const capabilities = generateCapabilities({
    seed: opts.seed,
    count: opts.capabilities ?? 100,
    owners: supply.length ? supply : generated,
  });

  const users: DemoUser[] = organizations.map((o) => ({
    email: o.admin.email,
    displayName: o.admin.displayName,
    password: DEMO_PASSWORD,
    roles: ['org_admin'],
    organizationCreditCode: o.creditCode,
  }));
  users.push({
    email: DEMO_OPERATOR_EMAIL,
    displayName: personName(rng),
    password: DEMO_PASSWORD,
    roles: ['operator'],
    organizationCreditCode: operatorOrganization.creditCode,
  });
  // Reviewers come from universities and institutes, so conflict-of-interest rules have something to bite on.
  const experts = generated.filter((o) => ['university', 'research_institute', 'new_rd_institution'].includes(o.kind));
  DEMO_REVIEWER_EMAILS.forEach((email, i) => {
    users.push({
      email,
      displayName: personName(rng),
      password: DEMO_PASSWORD,
      roles: ['reviewer'],
      organizationCreditCode: experts[i]?.creditCode ?? null,
    });
  });
  const agency = generated.find((o) => o.kind === 'service_agency') ?? operatorOrganization;
  users.push({
    email: DEMO_BROKER_EMAIL,
    displayName: personName(rng),
    password: DEMO_PASSWORD,
    roles: ['broker'],
    organizationCreditCode: agency.creditCode,
  });
  users.push({
    email: DEMO_REGISTRAR_EMAIL,
    displayName: personName(rng),
    password: DEMO_PASSWORD,
    roles: ['registrar'],
    organizationCreditCode: operatorOrganization.creditCode,
  });

  return { organizations, operatorOrganization, needs, capabilities, calls: generateDemoCalls(opts.now ?? new Date()), users };
}
