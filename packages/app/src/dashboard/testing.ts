/**
 * Test fixtures for the dashboard: published needs, batches, interests, deals and registered
 * contracts written straight into the tables (the statistics read tables, not use cases), so a
 * test can build any scenario, including one no use case would reach in a few steps.
 */
import { randomUUID } from 'node:crypto';
import { schema } from '@scenebridge/db';
import type { Services } from '../context.js';
import { makeCall, makeOrganization, randomCreditCode } from '../testing.js';
import { clearDashboardCache } from './cache.js';

export interface DashboardWorld {
  callId: string;
  demandOrgId: string;
  supplyOrgId: string;
}

export async function dashboardWorld(services: Services): Promise<DashboardWorld> {
  const call = await makeCall(services, { status: 'closed' });
  const demand = await makeOrganization(services);
  const supply = await makeOrganization(services);
  return { callId: call.id, demandOrgId: demand.id, supplyOrgId: supply.id };
}

let batchNo = 0;
export async function makeNeedBatch(services: Services, w: DashboardWorld, publishedAt: Date): Promise<string> {
  const [b] = await services.db
    .insert(schema.batches)
    .values({
      callId: w.callId,
      listType: 'scenario_need',
      year: publishedAt.getUTCFullYear(),
      number: 1000 + ++batchNo + Math.floor(Math.random() * 1e6),
      title: `测试批次${batchNo}`,
      issuer: '测试发布单位',
      entryCount: 0,
      publishedAt,
    })
    .returning();
  return b!.id;
}

/** A scenario need published in the batch at publishedAt (status published unless told). */
export async function publishNeed(
  services: Services,
  w: DashboardWorld,
  { batchId, publishedAt, status = 'published', seq }: { batchId: string; publishedAt: Date; status?: string; seq: number },
): Promise<string> {
  const [s] = await services.db
    .insert(schema.submissions)
    .values({
      callId: w.callId,
      organizationId: w.demandOrgId,
      listType: 'scenario_need',
      status,
      title: `测试需求${seq}`,
      data: {},
      submittedAt: new Date(publishedAt.getTime() - 30 * 86_400_000),
    })
    .returning();
  await services.db.insert(schema.batchEntries).values({
    batchId,
    seq,
    version: 1,
    isCurrent: true,
    submissionId: s!.id,
    listType: 'scenario_need',
    name: `测试需求${seq}`,
    issuer: '测试单位',
    issuerCreditCode: randomCreditCode(),
    sector: 'manufacturing',
    techFields: ['computer_vision'],
    description: '测试',
    publishedAt,
  });
  return s!.id;
}

export async function makeCapability(services: Services, w: DashboardWorld): Promise<string> {
  const [s] = await services.db
    .insert(schema.submissions)
    .values({ callId: w.callId, organizationId: w.supplyOrgId, listType: 'capability', status: 'published', title: '测试能力', data: {} })
    .returning();
  return s!.id;
}

export async function addInterest(services: Services, w: DashboardWorld, needId: string, capabilityId: string, at: Date) {
  await services.db
    .insert(schema.interests)
    .values({ needId, capabilityId, fromOrganizationId: w.supplyOrgId, fromSide: 'capability', createdAt: at });
}

let dealNo = 0;
export async function addDeal(
  services: Services,
  w: DashboardWorld,
  d: {
    needId: string;
    status: string;
    intentAt?: Date;
    meetingAt?: Date;
    negotiatingAt?: Date;
    signedAt?: Date;
    brokerUserId?: string;
    activity?: 'active' | 'dormant';
    lastActivityAt?: Date;
  },
): Promise<string> {
  const [row] = await services.db
    .insert(schema.deals)
    .values({
      code: `DJ-T-${++dealNo}-${randomUUID().slice(0, 6)}`,
      title: '测试对接项目',
      source: 'manual',
      needId: d.needId,
      demandOrganizationId: w.demandOrgId,
      supplyOrganizationId: w.supplyOrgId,
      status: d.status,
      activity: d.activity ?? 'active',
      brokerUserId: d.brokerUserId ?? null,
      intentAt: d.intentAt ?? null,
      meetingAt: d.meetingAt ?? null,
      negotiatingAt: d.negotiatingAt ?? null,
      signedAt: d.signedAt ?? null,
      lastActivityAt: d.lastActivityAt ?? services.now(),
      dormantSince: d.activity === 'dormant' ? (d.lastActivityAt ?? services.now()) : null,
    })
    .returning();
  return row!.id;
}

export interface ContractFixture {
  lineageId?: string;
  versionNo?: number;
  kind?: 'original' | 'change' | 'cancellation';
  supersedesId?: string | null;
  supersededAt?: Date | null;
  status?: string;
  contractType?: string;
  technologyField?: string | null;
  sellerRegionCode?: string;
  sellerNatureCode?: string;
  signedOn: string;
  contractAmountFen: number;
  technologyAmountFen: number;
  needId?: string | null;
  dealId?: string | null;
  registeredAt?: Date | null;
}

export async function addContract(services: Services, w: DashboardWorld, c: ContractFixture): Promise<{ id: string; lineageId: string }> {
  const id = randomUUID();
  const lineageId = c.lineageId ?? id;
  await services.db.insert(schema.techContracts).values({
    id,
    lineageId,
    versionNo: c.versionNo ?? 1,
    kind: c.kind ?? 'original',
    supersedesId: c.supersedesId ?? null,
    supersededAt: c.supersededAt ?? null,
    sellerOrganizationId: w.supplyOrgId,
    projectName: '测试技术合同',
    contractType: c.contractType ?? 'development_commissioned',
    buyerName: '买方单位',
    buyerCreditCode: randomCreditCode(),
    buyerRegionCode: '500112',
    buyerNatureCode: 'enterprise_private',
    sellerName: '卖方单位',
    sellerCreditCode: randomCreditCode(),
    sellerRegionCode: c.sellerRegionCode ?? '500112',
    sellerNatureCode: c.sellerNatureCode ?? 'institution_university',
    signedOn: c.signedOn,
    validFrom: c.signedOn,
    validUntil: c.signedOn,
    contractAmountFen: c.contractAmountFen,
    technologyAmountFen: c.technologyAmountFen,
    paymentMethod: 'lump_sum',
    technologyField: c.technologyField === undefined ? 'computer_vision' : c.technologyField,
    needId: c.needId ?? null,
    dealId: c.dealId ?? null,
    status: c.status ?? 'registered',
    registeredAt: (c.status ?? 'registered') === 'registered' ? (c.registeredAt ?? services.now()) : null,
  });
  clearDashboardCache(services);
  return { id, lineageId };
}
