/**
 * The demo's outcomes, from interest to registered contract (docs/deals.md, docs/contracts.md,
 * docs/dashboard.md), written through the use cases as people would, so every step is checked
 * and audited as in real use:
 * - the broker's profile (fields of expertise, 技术经理人 certificate number);
 * - deals between published needs and other organisations' published capabilities: some from an
 *   interest the other side accepted, some proposed by the broker or the operator; moved through
 *   the stages with calls, meetings and visits, each written on a clock set back to the day it
 *   happened, so stage times and the activity log read as real ones; two declined with reasons;
 *   two left untouched for weeks, which the deals' own clock job then marks dormant; a few that
 *   nobody holds yet, for the broker to claim;
 * - 技术合同登记: about sixty historical registrations through the registrar's XLSX import (last
 *   year and this year, so the dashboard compares months), and online ones: a signed deal's
 *   contract registered (its need becomes `awarded`), one waiting in the registrar's queue, one
 *   accepted close to its statutory last day, one returned for correction (补正);
 * - this year's targets (技术合同成交额 20亿元, the seeds' figure) and public view counts of the
 *   published needs over the past weeks (day counts only: no visitor key of a past day is kept).
 *
 * Everything is drawn from `seed` in a fixed order, so the same seed gives the same data.
 */
import { listSubmissionsOfCallInStates, schema } from '@scenebridge/db';
import * as demo from '@scenebridge/demo';
import {
  CONTRACT_TYPE_LABELS,
  LEGAL_NATURE_LABELS,
  PAYMENT_METHOD_LABELS,
  TECH_FIELDS,
  contractInputSchema,
  patentCheckChar,
  registrationDueOn,
  shanghaiDate,
  type ContractType,
  type LegalNature,
  type OrganizationKind,
  type PaymentMethod,
  type TechFieldCode,
} from '@scenebridge/domain';
import ExcelJS from 'exceljs';
import type { Actor, Services } from '../context.js';
import { updateBrokerProfile } from '../brokers/index.js';
import { loadYearCalendars } from '../calendar/index.js';
import { CONTRACT_IMPORT_COLUMNS, addContractAttachment, createContract, importContracts, transitionContract } from '../contracts/index.js';
import { saveAnnualTargetsFor } from '../dashboard/index.js';
import {
  acceptInterest,
  assignDealBroker,
  claimDeal,
  createDeal,
  logDealActivity,
  markDormantDeals,
  transitionDeal,
  updateDealAmount,
  completeNextStep,
} from '../deals/index.js';
import { expressInterest } from '../matching/index.js';
import { demoActor } from './demo-actor.js';

const DAY = 86_400_000;
/** 分 in one 万元. */
const WAN = 1_000_000;
type Dataset = ReturnType<typeof demo.generateDemoDataset>;
type Rng = demo.Rng;

export interface OutcomeCounts {
  deals: number;
  activities: number;
  dormant: number;
  contractsImported: number;
  contractsOnline: number;
  viewDays: number;
}
const NOTHING: OutcomeCounts = { deals: 0, activities: 0, dormant: 0, contractsImported: 0, contractsOnline: 0, viewDays: 0 };

// ------------------------------------------------------------------------------- time

/** The same services on a clock stopped at `when`. */
const clockAt = (services: Services, when: Date): Services => ({ ...services, now: () => when });

/** hh:mm Shanghai time `daysAgo` days before `base`, never after `base`. */
function dayAt(base: Date, daysAgo: number, hh: number, mm = 0): Date {
  const t = new Date(demo.shanghaiIso(base, -daysAgo, hh, mm));
  return t > base ? base : t;
}

/** A Shanghai civil date `n` days after `date` (YYYY-MM-DD). */
function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

// ------------------------------------------------------------------------------- parties

interface Party {
  id: string;
  name: string;
  creditCode: string;
  kind: OrganizationKind;
  regionCode: string;
  /** Its administrator's demo account. */
  email: string;
}

/** The 法人性质 of a demo organisation: by who issued its credit code (机构编制 11/12, 民政 5x, 工商 9x), then its kind. */
function natureOf(p: Pick<Party, 'creditCode' | 'kind'>): LegalNature {
  const c = p.creditCode;
  if (c.startsWith('11')) return 'government';
  if (c.startsWith('12')) {
    if (p.kind === 'university') return 'institution_university';
    if (p.kind === 'research_institute' || p.kind === 'new_rd_institution') return 'institution_research';
    return p.kind === 'hospital' ? 'institution_medical' : 'institution_other';
  }
  if (c.startsWith('5')) return 'social_organization';
  return p.kind === 'soe' || p.kind === 'industrial_park' ? 'enterprise_state' : 'enterprise_private';
}

const SELLER_KINDS: readonly OrganizationKind[] = [
  'ai_company',
  'university',
  'research_institute',
  'new_rd_institution',
  'private_enterprise',
  'soe',
];
const SELLER_WEIGHTS: Readonly<Partial<Record<OrganizationKind, number>>> = {
  ai_company: 5,
  research_institute: 4,
  university: 3,
  new_rd_institution: 3,
  private_enterprise: 2,
  soe: 1,
};

const partyOf = (p: Party) => ({ name: p.name, creditCode: p.creditCode, regionCode: p.regionCode, natureCode: natureOf(p) });

// ------------------------------------------------------------------------------- listings

interface Listing {
  id: string;
  organizationId: string;
  title: string;
  techFields: TechFieldCode[];
  /** The need's sector, or the sectors a capability serves. */
  sectors: string[];
  budgetMax: number | null;
}

/** The call's listings in `states`, with the fields and budget the dataset gave each (by owner and title). */
async function listingsOf(
  services: Services,
  callId: string,
  states: string[],
  generated: readonly {
    ownerCreditCode: string;
    title: string;
    techFields: readonly TechFieldCode[];
    sector?: string;
    sectors?: readonly string[];
    budgetMax?: number;
  }[],
  codeOf: Map<string, string>,
): Promise<Listing[]> {
  const byKey = new Map(generated.map((g) => [`${g.ownerCreditCode}|${g.title}`, g]));
  const rows = await listSubmissionsOfCallInStates(services.db, callId, states);
  const out = rows.map((r) => {
    const g = byKey.get(`${codeOf.get(r.organizationId)}|${r.title}`);
    return {
      id: r.id,
      organizationId: r.organizationId,
      title: r.title,
      techFields: [...(g?.techFields ?? [])],
      sectors: g?.sectors ? [...g.sectors] : g?.sector ? [g.sector] : [],
      budgetMax: g?.budgetMax ?? null,
      key: `${codeOf.get(r.organizationId)}|${r.title}`,
    };
  });
  // Row ids are random: order by what the generator decided.
  return out.sort((a, b) => a.key.localeCompare(b.key)).map(({ key: _, ...l }) => l);
}

// ------------------------------------------------------------------------------- deal scripts

type Who = 'broker' | 'operator' | 'demand' | 'supply';
type Start =
  | { via: 'interest'; from: 'supply' | 'demand'; d: number; acceptD: number }
  | { via: 'broker'; d: number }
  | { via: 'operator'; d: number; withBroker: boolean };
type Step =
  | { d: number; do: 'assign' }
  | { d: number; do: 'claim' }
  | { d: number; do: 'amount'; by: Who }
  | { d: number; do: 'move'; by: Who; action: 'express_intent' | 'schedule_meeting' | 'negotiate' | 'sign' | 'decline'; reason?: string }
  | { d: number; do: 'log'; by: Who; kind: 'call' | 'meeting' | 'visit' | 'document' | 'note'; due?: number };
interface Script {
  start: Start;
  steps: Step[];
  /** What is registered online for the deal once signed. */
  contract?: 'registered' | 'submitted';
}

const DECLINE_REASONS = [
  '需求方年度预算调整，项目暂缓立项，经双方协商终止本次对接。',
  '供给方方案需将业务数据上传公有云训练，不满足需求方“数据不出域”的要求，双方同意终止对接。',
];

/**
 * The deals, the best-matched pairs first. `d` is days before today; `due` is a next step's
 * due date in days from today (negative: overdue). Open deals touched within the last weeks,
 * two left since long ago (they go dormant), two signed, two declined.
 */
const SCRIPTS: readonly Script[] = [
  {
    start: { via: 'interest', from: 'supply', d: 82, acceptD: 80 },
    steps: [
      { d: 79, do: 'assign' },
      { d: 79, do: 'amount', by: 'broker' },
      { d: 78, do: 'log', by: 'broker', kind: 'call', due: -74 },
      { d: 74, do: 'move', by: 'broker', action: 'schedule_meeting' },
      { d: 73, do: 'log', by: 'broker', kind: 'meeting', due: -62 },
      { d: 62, do: 'log', by: 'broker', kind: 'visit', due: -55 },
      { d: 55, do: 'move', by: 'broker', action: 'negotiate' },
      { d: 50, do: 'log', by: 'supply', kind: 'document', due: -30 },
      { d: 29, do: 'move', by: 'demand', action: 'sign' },
    ],
    contract: 'registered',
  },
  {
    start: { via: 'broker', d: 70 },
    steps: [
      { d: 66, do: 'move', by: 'broker', action: 'express_intent' },
      { d: 66, do: 'log', by: 'broker', kind: 'call', due: -60 },
      { d: 60, do: 'move', by: 'broker', action: 'schedule_meeting' },
      { d: 58, do: 'log', by: 'broker', kind: 'meeting', due: -45 },
      { d: 45, do: 'move', by: 'broker', action: 'negotiate' },
      { d: 44, do: 'log', by: 'supply', kind: 'document', due: -14 },
      { d: 12, do: 'move', by: 'broker', action: 'sign' },
    ],
    contract: 'submitted',
  },
  {
    start: { via: 'interest', from: 'supply', d: 40, acceptD: 38 },
    steps: [
      { d: 37, do: 'assign' },
      { d: 37, do: 'amount', by: 'broker' },
      { d: 36, do: 'log', by: 'broker', kind: 'call', due: -30 },
      { d: 30, do: 'move', by: 'broker', action: 'schedule_meeting' },
      { d: 20, do: 'log', by: 'broker', kind: 'visit', due: -12 },
      { d: 12, do: 'move', by: 'broker', action: 'negotiate' },
      // Due today: the broker's workspace shows it under 今日待跟进.
      { d: 3, do: 'log', by: 'broker', kind: 'document', due: 0 },
    ],
  },
  {
    start: { via: 'broker', d: 33 },
    steps: [
      { d: 30, do: 'move', by: 'broker', action: 'express_intent' },
      { d: 24, do: 'move', by: 'broker', action: 'schedule_meeting' },
      // Overdue by three days.
      { d: 17, do: 'log', by: 'broker', kind: 'meeting', due: -3 },
    ],
  },
  {
    start: { via: 'operator', d: 9, withBroker: true },
    steps: [{ d: 6, do: 'log', by: 'broker', kind: 'call', due: 4 }],
  },
  {
    // Nobody holds it yet: the broker may claim it.
    start: { via: 'interest', from: 'demand', d: 15, acceptD: 13 },
    steps: [{ d: 11, do: 'log', by: 'demand', kind: 'call' }],
  },
  { start: { via: 'operator', d: 5, withBroker: false }, steps: [] },
  {
    start: { via: 'interest', from: 'supply', d: 48, acceptD: 46 },
    steps: [
      { d: 45, do: 'assign' },
      { d: 38, do: 'move', by: 'broker', action: 'schedule_meeting' },
      { d: 37, do: 'log', by: 'broker', kind: 'meeting' },
      { d: 25, do: 'move', by: 'demand', action: 'decline', reason: DECLINE_REASONS[0] },
    ],
  },
  {
    start: { via: 'broker', d: 58 },
    steps: [
      { d: 55, do: 'move', by: 'broker', action: 'express_intent' },
      { d: 54, do: 'log', by: 'broker', kind: 'visit' },
      { d: 47, do: 'move', by: 'broker', action: 'schedule_meeting' },
      { d: 35, do: 'move', by: 'demand', action: 'decline', reason: DECLINE_REASONS[1] },
    ],
  },
  {
    // Dormant: nothing since a meeting two months ago.
    start: { via: 'interest', from: 'supply', d: 75, acceptD: 72 },
    steps: [
      { d: 71, do: 'assign' },
      { d: 66, do: 'move', by: 'broker', action: 'schedule_meeting' },
      { d: 64, do: 'log', by: 'broker', kind: 'meeting' },
    ],
  },
  {
    // Dormant: one call six weeks ago.
    start: { via: 'broker', d: 52 },
    steps: [
      { d: 50, do: 'move', by: 'broker', action: 'express_intent' },
      { d: 45, do: 'log', by: 'broker', kind: 'call' },
    ],
  },
  {
    start: { via: 'operator', d: 28, withBroker: true },
    steps: [
      { d: 26, do: 'move', by: 'broker', action: 'express_intent' },
      { d: 21, do: 'move', by: 'broker', action: 'schedule_meeting' },
      { d: 20, do: 'log', by: 'broker', kind: 'meeting', due: -14 },
      { d: 14, do: 'move', by: 'broker', action: 'negotiate' },
      { d: 7, do: 'log', by: 'broker', kind: 'call', due: 5 },
    ],
  },
  {
    start: { via: 'interest', from: 'supply', d: 19, acceptD: 18 },
    steps: [
      { d: 17, do: 'claim' },
      { d: 15, do: 'move', by: 'broker', action: 'schedule_meeting' },
      { d: 9, do: 'log', by: 'broker', kind: 'visit', due: 3 },
    ],
  },
  // Accepted the day before yesterday; nobody holds it yet.
  { start: { via: 'interest', from: 'supply', d: 3, acceptD: 2 }, steps: [] },
];

// ------------------------------------------------------------------------------- Chinese text

const PLACES = ['需求方会议室', '平台路演厅', '供给方展厅', '两江协同创新区对接室', '线上视频会议'];
const PEOPLE = ['信息中心主任', '分管副总', '生产部负责人', '技术总监', '项目经理', '办公室主任'];

interface NoteContext {
  need: string;
  cap: string;
  demand: string;
  supply: string;
}

function activityNote(rng: Rng, kind: string, c: NoteContext): string {
  const t: Record<string, string[]> = {
    call: [
      `电话联系${c.demand}${rng.pick(PEOPLE)}，了解“${c.need}”的现状与痛点；对方希望{一季度|年内|半年内}完成试点，预算已纳入年度计划。`,
      `与${c.supply}项目负责人电话沟通，对方确认可投入{3-8}人团队，{两|三}周内可提交初步方案。`,
      `电话回访${c.demand}，对方对${c.supply}的方案总体认可，关注数据安全和后期运维费用。`,
    ],
    meeting: [
      `在${rng.pick(PLACES)}组织双方对接会：${c.supply}介绍了“${c.cap}”的技术路线和{2-5}个同类案例，${c.demand}提出{数据本地化部署|与现有系统对接|验收指标量化}等要求。`,
      `组织第二轮技术交流，双方就试点范围、验收指标（准确率不低于{90-98}%）和工期（{3-9}个月）基本达成一致。`,
    ],
    visit: [
      `陪同${c.supply}技术团队赴${c.demand}现场踏勘，查看了{3-12}个部署点位，确认网络和供电条件满足试点要求。`,
      `走访${c.demand}，与业务部门座谈，梳理出{3-6}项优先实施的功能需求。`,
    ],
    document: [
      `收到${c.supply}提交的技术方案（V{1-3}）和报价单，已转${c.demand}审阅。`,
      `双方交换合同草案，重点商议付款节点、知识产权归属和保密条款。`,
    ],
    note: [`根据双方反馈更新对接进展。`],
  };
  return rng.fill(rng.pick(t[kind] ?? t.note!));
}

const NEXT_STEPS: Record<string, string[]> = {
  call: ['约双方召开首次对接会', '请供给方提交初步技术方案', '确认需求方试点场地和数据条件'],
  meeting: ['供给方补充同类案例材料和报价', '组织现场踏勘', '需求方内部立项审批', '确认试点范围和验收指标'],
  visit: ['供给方根据踏勘结果修改方案', '组织方案评审会'],
  document: ['需求方反馈合同修改意见', '确认合同条款和付款节点'],
  note: ['跟进双方意见'],
};

// ------------------------------------------------------------------------------- deals

interface SeedContext {
  services: Services;
  base: Date;
  rng: Rng;
  operator: Actor;
  broker: Actor;
  registrar: Actor;
  parties: Map<string, Party>;
  /** Each party's administrator, logged in once when first needed. */
  admin: (p: Party) => Promise<Actor>;
  activities: number;
}

interface DealRun {
  id: string;
  version: number;
  status: string;
  expectedAmountFen: number | null;
  /** The activity whose next step is still open: done when the next thing happens. */
  openStep: string | null;
  need: Listing;
  cap: Listing;
  demand: Party;
  supply: Party;
  signedAt: Date | null;
}

function amountFor(rng: Rng, need: Listing): number {
  const wan = need.budgetMax ? need.budgetMax * (0.6 + rng.next() * 0.4) : rng.int(30, 500);
  return Math.max(10, Math.round(wan)) * WAN;
}

async function runDeal(ctx: SeedContext, script: Script, need: Listing, cap: Listing): Promise<DealRun> {
  const { base, rng } = ctx;
  const demand = ctx.parties.get(need.organizationId)!;
  const supply = ctx.parties.get(cap.organizationId)!;
  const actorOf = async (who: Who): Promise<Actor> =>
    who === 'broker' ? ctx.broker : who === 'operator' ? ctx.operator : ctx.admin(who === 'demand' ? demand : supply);
  // Office hours on the step's day; steps on the same day follow one another.
  let last = 0;
  const at = (d: number) => {
    let t = dayAt(base, d, rng.int(9, 17), rng.pick([0, 10, 20, 30, 40, 50])).getTime();
    if (t <= last) t = Math.min(last + 20 * 60_000, base.getTime());
    last = t;
    return clockAt(ctx.services, new Date(t));
  };
  const s = script.start;
  let deal: { id: string; version: number; status: string; expectedAmountFen: number | null; signedAt: string | null };
  if (s.via === 'interest') {
    const from = await actorOf(s.from);
    const message =
      s.from === 'supply'
        ? `我单位的“${cap.title}”与贵单位需求契合，希望进一步沟通试点方案。`
        : `我单位正在推进“${need.title}”，希望了解贵单位能力的落地案例和报价。`;
    const { interest } = await expressInterest({ services: at(s.d), actor: from, needId: need.id, capabilityId: cap.id, message });
    const to = await actorOf(s.from === 'supply' ? 'demand' : 'supply');
    deal = (await acceptInterest({ services: at(s.acceptD), actor: to, interestId: interest.id })).deal;
  } else {
    const actor = s.via === 'broker' ? ctx.broker : ctx.operator;
    const input = {
      needId: need.id,
      capabilityId: cap.id,
      expectedAmountFen: amountFor(rng, need),
      ...(s.via === 'operator' && s.withBroker ? { brokerUserId: ctx.broker.userId } : {}),
    };
    deal = (await createDeal({ services: at(s.d), actor, input })).deal;
  }
  const run: DealRun = {
    id: deal.id,
    version: deal.version,
    status: deal.status,
    expectedAmountFen: deal.expectedAmountFen,
    openStep: null,
    need,
    cap,
    demand,
    supply,
    signedAt: null,
  };
  const keep = (d: typeof deal) => {
    run.version = d.version;
    run.status = d.status;
    run.expectedAmountFen = d.expectedAmountFen;
    run.signedAt = d.signedAt ? new Date(d.signedAt) : null;
  };
  const note: NoteContext = { need: need.title, cap: cap.title, demand: demand.name, supply: supply.name };
  for (const step of script.steps) {
    const services = at(step.d);
    const id = run.id;
    // The next step asked for last time is done once the next thing happens (a later follow-up, or the deal closing).
    const closes = step.do === 'move' && (step.action === 'sign' || step.action === 'decline');
    if (run.openStep && (step.do === 'log' || closes)) {
      const by = step.do === 'log' || step.do === 'move' ? step.by : 'broker';
      await completeNextStep({ services, actor: await actorOf(by), id, activityId: run.openStep });
      run.openStep = null;
    }
    switch (step.do) {
      case 'assign':
        keep(await assignDealBroker({ services, actor: ctx.operator, id, brokerUserId: ctx.broker.userId, version: run.version }));
        break;
      case 'claim':
        keep(await claimDeal({ services, actor: ctx.broker, id, version: run.version }));
        break;
      case 'amount':
        keep(
          await updateDealAmount({
            services,
            actor: await actorOf(step.by),
            id,
            input: { expectedAmountFen: amountFor(rng, need), version: run.version },
          }),
        );
        break;
      case 'move': {
        const signed =
          step.action === 'sign'
            ? Math.round(((run.expectedAmountFen ?? amountFor(rng, need)) * (0.85 + rng.next() * 0.15)) / 10_000) * 10_000
            : undefined;
        const input = { action: step.action, version: run.version, reason: step.reason, ...(signed ? { expectedAmountFen: signed } : {}) };
        keep(await transitionDeal({ services, actor: await actorOf(step.by), id, input }));
        break;
      }
      case 'log': {
        const actor = await actorOf(step.by);
        const nextStep = step.due === undefined ? undefined : rng.pick(NEXT_STEPS[step.kind]!);
        const nextStepDueOn = step.due === undefined ? undefined : addDays(shanghaiDate(base), step.due);
        const { deal: d, activity } = await logDealActivity({
          services,
          actor,
          id,
          input: { kind: step.kind, note: activityNote(rng, step.kind, note), links: [], nextStep, nextStepDueOn },
        });
        ctx.activities++;
        if (nextStep) run.openStep = activity.id;
        keep(d);
        break;
      }
    }
  }
  return run;
}

/**
 * `n` need–capability pairs of different organisations, the best matched first: shared technology
 * fields and the need's sector among those the capability serves (the draw breaks ties); each
 * need once, a capability at most twice.
 */
function pairUp(rng: Rng, needs: Listing[], caps: Listing[], parties: Map<string, Party>, n: number) {
  const score = (need: Listing, c: Listing) =>
    c.techFields.filter((f) => need.techFields.includes(f)).length * 10 + (need.sectors.some((x) => c.sectors.includes(x)) ? 8 : 0);
  const candidates = needs
    .filter((need) => parties.has(need.organizationId))
    .flatMap((need) =>
      caps
        .filter((c) => c.organizationId !== need.organizationId && parties.has(c.organizationId))
        .map((cap) => ({ need, cap, score: score(need, cap) + rng.next() })),
    )
    .sort((a, b) => b.score - a.score);
  const usedNeeds = new Set<string>();
  const usedCaps = new Map<string, number>();
  const out: { need: Listing; cap: Listing }[] = [];
  for (const p of candidates) {
    if (out.length >= n) break;
    if (usedNeeds.has(p.need.id) || (usedCaps.get(p.cap.id) ?? 0) >= 2) continue;
    usedNeeds.add(p.need.id);
    usedCaps.set(p.cap.id, (usedCaps.get(p.cap.id) ?? 0) + 1);
    out.push({ need: p.need, cap: p.cap });
  }
  // Best first: the first scripts go furthest (signed, then negotiating).
  return out;
}

// ------------------------------------------------------------------------------- online contracts

/** The smallest bytes the upload check takes for a PDF: the signed contract's scan stands in. */
const SIGNED_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

interface OnlineContract {
  seller: Party;
  buyer: Party;
  projectName: string;
  contractType: ContractType;
  signedOn: string;
  amountFen: number;
  technologyField: TechFieldCode | null;
  dealId?: string;
}

function contractBody(rng: Rng, c: OnlineContract) {
  const tech = Math.round((c.amountFen * (0.8 + rng.next() * 0.2)) / 10_000) * 10_000;
  return contractInputSchema.parse({
    projectName: c.projectName,
    contractType: c.contractType,
    seller: partyOf(c.seller),
    buyer: partyOf(c.buyer),
    signedOn: c.signedOn,
    validFrom: c.signedOn,
    validUntil: addDays(c.signedOn, rng.pick([364, 545, 729])),
    contractAmountFen: c.amountFen,
    technologyAmountFen: Math.min(tech, c.amountFen),
    paymentMethod: rng.pick<PaymentMethod>(['lump_sum_installments', 'lump_sum_installments', 'lump_sum']),
    technologyField: c.technologyField,
    dealId: c.dealId ?? null,
  });
}

/** Created and its signed PDF attached by the seller on day `createD`, submitted on day `submitD`. */
async function registerOnline(ctx: SeedContext, c: OnlineContract, days: { createD: number; submitD: number }) {
  const at = (d: number, hh: number) => clockAt(ctx.services, dayAt(ctx.base, d, hh, ctx.rng.int(0, 59)));
  const seller = await ctx.admin(c.seller);
  const created = await createContract({ services: at(days.createD, 10), actor: seller, input: contractBody(ctx.rng, c) });
  await addContractAttachment({
    services: at(days.createD, 11),
    actor: seller,
    contractId: created.id,
    filename: `${c.projectName}（签字盖章版）.pdf`,
    content: SIGNED_PDF,
  });
  await transitionContract({ services: at(days.submitD, 14), actor: seller, id: created.id, action: 'submit' });
  return { id: created.id, at };
}

/** Days back to submit so the statutory last day (15 working days) falls within the next three days. */
async function daysBackForDueSoon(ctx: SeedContext): Promise<number> {
  const today = shanghaiDate(ctx.base);
  try {
    const years = await loadYearCalendars(ctx.services.db);
    for (let d = 10; d <= 40; d++) {
      const due = registrationDueOn(dayAt(ctx.base, d, 14), false, years);
      if (due >= addDays(today, 1) && due <= addDays(today, 3)) return d;
    }
  } catch {
    // A year without a calendar: weekends only, about three weeks.
  }
  return 19;
}

async function seedOnlineContracts(
  ctx: SeedContext,
  signed: (DealRun & { scriptIndex: number })[],
  sellers: Party[],
  buyers: Party[],
): Promise<number> {
  const { rng, registrar } = ctx;
  let n = 0;
  const dealContract = (r: DealRun): OnlineContract => ({
    seller: r.supply,
    buyer: r.demand,
    projectName: `${r.need.title.replace(/(场景需求|应用场景|示范应用|场景|项目)$/, '')}系统开发`.slice(0, 200),
    contractType: 'development_commissioned',
    signedOn: shanghaiDate(r.signedAt!),
    amountFen: r.expectedAmountFen ?? amountFor(rng, r.need),
    technologyField: r.need.techFields[0] ?? null,
    dealId: r.id,
  });
  // A signed deal's contract, accepted and registered: its need becomes awarded.
  const registered = signed.find((r) => SCRIPTS[r.scriptIndex]?.contract === 'registered');
  if (registered) {
    const { id, at } = await registerOnline(ctx, dealContract(registered), { createD: 27, submitD: 26 });
    await transitionContract({ services: at(24, 10), actor: registrar, id, action: 'accept' });
    await transitionContract({ services: at(10, 15), actor: registrar, id, action: 'register' });
    n++;
  }
  // The other signed deal's contract waits in the registrar's queue.
  const queued = signed.find((r) => SCRIPTS[r.scriptIndex]?.contract === 'submitted');
  if (queued) {
    await registerOnline(ctx, dealContract(queued), { createD: 4, submitD: 2 });
    n++;
  }
  const standalone = (i: number, type: ContractType, name: string): OnlineContract => {
    const seller = sellers[(i * 3) % sellers.length]!;
    const buyer = buyers.filter((b) => b.id !== seller.id)[(i * 5) % Math.max(1, buyers.length - 1)]!;
    return {
      seller,
      buyer,
      projectName: name,
      contractType: type,
      signedOn: '',
      amountFen: rng.int(40, 600) * WAN,
      technologyField: rng.pick(TECH_FIELDS).code,
    };
  };
  if (sellers.length && buyers.length > 1) {
    // Accepted, its statutory last day a few days ahead.
    const d = await daysBackForDueSoon(ctx);
    const soon = standalone(1, 'service', `${subjectOf(rng)}智能巡检平台运维技术服务`);
    soon.signedOn = shanghaiDate(dayAt(ctx.base, d + rng.int(5, 12), 10));
    const a = await registerOnline(ctx, soon, { createD: d + 1, submitD: d });
    await transitionContract({ services: a.at(d - 2, 10), actor: registrar, id: a.id, action: 'accept' });
    n++;
    // Returned for correction (补正).
    const back = standalone(2, 'development_cooperative', `${subjectOf(rng)}多源数据融合分析模型合作开发`);
    back.signedOn = shanghaiDate(dayAt(ctx.base, rng.int(12, 20), 10));
    const b = await registerOnline(ctx, back, { createD: 8, submitD: 7 });
    await transitionContract({
      services: b.at(4, 16),
      actor: registrar,
      id: b.id,
      action: 'return_for_correction',
      reason: '合同成交额与合同文本第五条约定的金额不一致，请核对后补正；并补充买方盖章页。',
    });
    n++;
  }
  return n;
}

const SUBJECTS = [
  '汽车零部件表面缺陷',
  '输电线路巡检',
  '城市内涝预警',
  '智慧矿山安全监测',
  '中药饮片质量',
  '柑橘病虫害识别',
  '交通信号配时优化',
  '医学影像辅助诊断',
  '政务热线工单',
  '电梯运行安全',
  '桥梁结构健康监测',
  '仓储物流调度',
  '化工园区危化品监管',
  '摩托车发动机装配',
  '笔记本电脑整机测试',
  '轨道交通客流',
  '社区居家养老',
  '职业院校学情分析',
  '火锅底料生产线',
  '山地农业灌溉',
];
function subjectOf(rng: Rng): string {
  return rng.pick(SUBJECTS);
}

// ------------------------------------------------------------------------------- historical import

const HISTORY_TYPES: readonly ContractType[] = [
  'development_commissioned',
  'development_cooperative',
  'service',
  'consulting',
  'transfer_patent',
  'transfer_technical_secret',
  'transfer_software_copyright',
  'license_patent',
  'license_software_copyright',
];
const HISTORY_TYPE_WEIGHTS = [30, 10, 25, 10, 8, 5, 3, 5, 4];
const TECH_WORDS: Partial<Record<TechFieldCode, string>> = {
  computer_vision: '视觉检测',
  nlp: '语义分析',
  speech: '语音交互',
  knowledge_graph: '知识图谱',
  foundation_models: '大模型',
  data_intelligence: '智能预测',
  robotics: '机器人作业',
  autonomous_driving: '自动驾驶',
  drones_low_altitude: '无人机巡检',
  iot_sensing: '物联感知',
  digital_twin: '数字孪生',
  industrial_internet: '工业互联网',
  decision_optimization: '智能调度优化',
};

function projectName(rng: Rng, type: ContractType, field: TechFieldCode): string {
  const subject = rng.pick(SUBJECTS);
  const tech = TECH_WORDS[field] ?? TECH_FIELDS.find((f) => f.code === field)!.name;
  if (type.startsWith('development'))
    return rng.fill(`${subject}${tech}{系统|平台|模型|装置}${type === 'development_cooperative' ? '合作开发' : '开发'}`);
  if (type === 'service') return rng.fill(`${subject}${tech}{系统部署|平台运维|数据标注与模型训练}技术服务`);
  if (type === 'consulting') return rng.fill(`${subject}智能化改造{可行性论证|技术路线}咨询`);
  if (type.endsWith('software_copyright'))
    return `${subject}${tech}软件V${rng.int(1, 3)}.0著作权${type.startsWith('license') ? '许可' : '转让'}`;
  if (type === 'transfer_technical_secret') return `${subject}${tech}工艺技术秘密转让`;
  const what = rng.fill(`一种基于${tech}的${subject}{检测|识别|预警|控制}方法`);
  return type.startsWith('license') ? `“${what}”专利实施许可` : `“${what}”专利权转让`;
}

/** A granted invention or utility-model patent number with a valid check digit. */
function patentNumber(rng: Rng, currentYear: number): string {
  const digits = `${rng.int(2016, currentYear - 1)}${rng.pick(['1', '1', '2'])}${rng.digits(7)}`;
  return `ZL${digits}.${patentCheckChar(digits)}`;
}

/** An amount from 几十万 to 几千万元, in whole hundreds of 元 (分). */
function historyAmount(rng: Rng): number {
  const wan = Math.exp(Math.log(20) + rng.next() * (Math.log(3000) - Math.log(20)));
  return Math.round(wan * 100) * 10_000;
}

const yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`);

/** Rows of the registrar's template (by column key), for the last year and this one up to yesterday. */
function historyRows(rng: Rng, base: Date, sellers: Party[], buyers: Party[], count: number): Record<string, string>[] {
  const today = shanghaiDate(base);
  const year = Number(today.slice(0, 4));
  const spans = [
    { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
    { from: `${year}-01-01`, to: addDays(today, -3) },
  ].filter((s) => s.from <= s.to);
  const days = (s: { from: string; to: string }) => Math.round((Date.parse(s.to) - Date.parse(s.from)) / DAY);
  const drafts = Array.from({ length: count }, (_, i) => {
    const span = spans[spans.length === 1 ? 0 : i % 2 === 0 ? 0 : 1]!;
    const signedOn = addDays(span.from, rng.int(0, days(span)));
    const registeredOn = [addDays(signedOn, rng.int(3, 25)), today].sort()[0]!;
    const seller = rng.weighted(
      sellers,
      sellers.map((s) => SELLER_WEIGHTS[s.kind] ?? 1),
    );
    const buyer = rng.pick(buyers.filter((b) => b.id !== seller.id));
    const type = rng.weighted(HISTORY_TYPES, HISTORY_TYPE_WEIGHTS);
    const field = rng.pick(TECH_FIELDS).code;
    const amount = historyAmount(rng);
    const tech = Math.min(amount, Math.round((amount * (0.7 + rng.next() * 0.3)) / 10_000) * 10_000);
    return { signedOn, registeredOn, seller, buyer, type, field, amount, tech };
  });
  drafts.sort((a, b) => a.registeredOn.localeCompare(b.registeredOn));
  const serials = new Map<string, number>();
  return drafts.map((r) => {
    const prefix = `${r.registeredOn.slice(0, 4)}${r.seller.regionCode}`;
    const serial = (serials.get(prefix) ?? rng.int(20, 120)) + rng.int(1, 30);
    serials.set(prefix, serial);
    const economics = r.type.startsWith('transfer') || r.type.startsWith('license');
    const patents = r.type === 'transfer_patent' || r.type === 'license_patent' ? [patentNumber(rng, Number(r.signedOn.slice(0, 4)))] : [];
    return {
      registrationNo: `${prefix}${String(serial).padStart(6, '0')}`,
      registeredOn: r.registeredOn,
      projectName: projectName(rng, r.type, r.field),
      contractType: CONTRACT_TYPE_LABELS[r.type],
      'seller.name': r.seller.name,
      'seller.creditCode': r.seller.creditCode,
      'seller.regionCode': r.seller.regionCode,
      'seller.natureCode': LEGAL_NATURE_LABELS[natureOf(r.seller)],
      'buyer.name': r.buyer.name,
      'buyer.creditCode': r.buyer.creditCode,
      'buyer.regionCode': r.buyer.regionCode,
      'buyer.natureCode': LEGAL_NATURE_LABELS[natureOf(r.buyer)],
      signedOn: r.signedOn,
      validFrom: r.signedOn,
      validUntil: addDays(r.signedOn, rng.pick([180, 364, 729, 1094])),
      contractAmountFen: yuan(r.amount),
      technologyAmountFen: yuan(r.tech),
      paymentMethod:
        PAYMENT_METHOD_LABELS[
          rng.pick<PaymentMethod>(['lump_sum', 'lump_sum_installments', 'lump_sum_installments', 'royalty_with_entry_fee'])
        ],
      patents: patents.join('；'),
      expectedInvestmentFen: economics && rng.chance(0.7) ? yuan(r.amount * rng.int(2, 6)) : '',
      expectedOutputFen: economics && rng.chance(0.7) ? yuan(r.amount * rng.int(5, 20)) : '',
      technologyField: TECH_FIELDS.find((f) => f.code === r.field)!.name,
    };
  });
}

async function importHistory(ctx: SeedContext, sellers: Party[], buyers: Party[]): Promise<number> {
  if (sellers.length === 0 || buyers.length < 2) return 0;
  const rows = historyRows(ctx.rng, ctx.base, sellers, buyers, 60);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('填报表');
  ws.addRow(CONTRACT_IMPORT_COLUMNS.map((c) => c.header));
  for (const r of rows) ws.addRow(CONTRACT_IMPORT_COLUMNS.map((c) => r[c.key] ?? ''));
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  const report = await importContracts({ services: ctx.services, actor: ctx.registrar, file, mode: 'commit' });
  return report.created;
}

// ------------------------------------------------------------------------------- views

/** Day counts of public page views of each published need over the past eight weeks (not today). */
async function seedViewCounts(ctx: SeedContext, needCallId: string): Promise<number> {
  const needs = await listSubmissionsOfCallInStates(ctx.services.db, needCallId, ['published', 'matching', 'awarded']);
  const today = shanghaiDate(ctx.base);
  const ordered = [...needs].sort((a, b) => a.title.localeCompare(b.title, 'zh'));
  const rows: (typeof schema.listingViewCounts.$inferInsert)[] = [];
  for (const n of ordered) {
    const popularity = ctx.rng.int(2, 24);
    for (let d = 56; d >= 1; d--) {
      if (!ctx.rng.chance(0.6)) continue;
      rows.push({ day: addDays(today, -d), submissionId: n.id, views: ctx.rng.int(1, popularity) });
    }
  }
  for (let i = 0; i < rows.length; i += 1000) {
    await ctx.services.db
      .insert(schema.listingViewCounts)
      .values(rows.slice(i, i + 1000))
      .onConflictDoNothing();
  }
  return rows.length;
}

// ------------------------------------------------------------------------------- entry

/**
 * Deals, contract registrations, this year's targets, the broker's profile and listing views.
 * Skipped when any deal or contract registration exists, so a second run adds nothing.
 */
export async function seedDemoOutcomes({
  services,
  ds,
  seed,
  pendingCodes,
  needCallId,
  capabilityCallId,
}: {
  services: Services;
  ds: Dataset;
  seed: number;
  pendingCodes: Set<string>;
  needCallId: string;
  capabilityCallId: string;
}): Promise<OutcomeCounts> {
  const [anyDeal] = await services.db.select({ id: schema.deals.id }).from(schema.deals).limit(1);
  const [anyContract] = await services.db.select({ id: schema.techContracts.id }).from(schema.techContracts).limit(1);
  if (anyDeal || anyContract) return NOTHING;
  const base = services.now();
  const orgIds = new Map(
    (await services.db.select({ id: schema.organizations.id, creditCode: schema.organizations.creditCode }).from(schema.organizations)).map(
      (o) => [o.creditCode, o.id],
    ),
  );
  const all: Party[] = ds.organizations.slice(1).flatMap((o) => {
    const id = orgIds.get(o.creditCode);
    return id ? [{ id, name: o.name, creditCode: o.creditCode, kind: o.kind, regionCode: o.regionCode, email: o.admin.email }] : [];
  });
  const admins = new Map<string, Promise<Actor>>();
  const ctx: SeedContext = {
    services,
    base,
    rng: new demo.Rng(seed, 'outcomes'),
    operator: await demoActor(services, demo.DEMO_OPERATOR_EMAIL),
    broker: await demoActor(services, demo.DEMO_BROKER_EMAIL),
    registrar: await demoActor(services, demo.DEMO_REGISTRAR_EMAIL),
    parties: new Map(all.filter((p) => !pendingCodes.has(p.creditCode)).map((p) => [p.id, p])),
    admin: (p) => {
      if (!admins.has(p.email)) admins.set(p.email, demoActor(services, p.email));
      return admins.get(p.email)!;
    },
    activities: 0,
  };
  // Contract registrations: sellers in Chongqing's districts; buyers anywhere.
  const inDistrict = (p: Party) => /^5001\d\d$/.test(p.regionCode);
  const sellers = [...ctx.parties.values()].filter((p) => SELLER_KINDS.includes(p.kind) && inDistrict(p));
  const buyers = all.filter((p) => p.kind !== 'service_agency');
  // The history's file is read in a worker thread while the deals are written.
  const importing = importHistory({ ...ctx, rng: new demo.Rng(seed, 'outcomes-history') }, sellers, buyers);
  importing.catch(() => undefined);

  // The broker's profile: the fields most asked for by the published needs.
  const codeOf = new Map(all.map((p) => [p.id, p.creditCode]));
  const needs = await listingsOf(services, needCallId, ['published', 'matching'], ds.needs, codeOf);
  const caps = await listingsOf(services, capabilityCallId, ['published', 'matching'], ds.capabilities, codeOf);
  const demandFields = new Map<string, number>();
  for (const n of needs) for (const f of n.techFields) demandFields.set(f, (demandFields.get(f) ?? 0) + 1);
  const fields = [...demandFields.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 4)
    .map(([f]) => f as TechFieldCode);
  await updateBrokerProfile({
    services,
    actor: ctx.broker,
    input: {
      fields,
      certificateNo: `JSJLR-${Number(shanghaiDate(base).slice(0, 4)) - 2}-500-${String(ctx.rng.int(1, 999)).padStart(4, '0')}`,
      bio: ctx.rng.fill(
        '重庆市技术经理人（{中级|高级}），从事科技成果转化和技术转移服务{6-12}年，熟悉技术合同认定登记和科技项目申报，累计促成技术合同{40-90}项，擅长人工智能与制造业、城市治理场景的供需对接。',
      ),
    },
  });

  // Deals; the quiet ones go dormant by the clock's job.
  const runs: (DealRun & { scriptIndex: number })[] = [];
  const pairs = pairUp(ctx.rng, needs, caps, ctx.parties, SCRIPTS.length);
  for (const [i, pair] of pairs.entries()) runs.push({ ...(await runDeal(ctx, SCRIPTS[i]!, pair.need, pair.cap)), scriptIndex: i });
  const dormant = await markDormantDeals({ services });

  // The history first: online registrations draw the serial after the imported numbers.
  const contractsImported = await importing;
  const contractsOnline = await seedOnlineContracts(
    { ...ctx, rng: new demo.Rng(seed, 'outcomes-contracts') },
    runs.filter((r) => r.status === 'signed'),
    sellers,
    buyers.filter((b) => ctx.parties.has(b.id)),
  );
  const viewDays = await seedViewCounts({ ...ctx, rng: new demo.Rng(seed, 'outcomes-views') }, needCallId);

  // Last, so the answer it reads back holds this year's actuals.
  await saveAnnualTargetsFor({
    services,
    actor: ctx.operator,
    year: Number(shanghaiDate(base).slice(0, 4)),
    input: {
      targets: {
        contract_turnover_fen: 200_000_000_000,
        entries_published: 300,
        challenges_awarded: 12,
        deals_signed: 40,
        active_brokers: 25,
      },
      reason: '按年度工作要点设定：全年技术合同成交额20亿元',
    },
  });
  return { deals: runs.length, activities: ctx.activities, dormant, contractsImported, contractsOnline, viewDays };
}
