/**
 * Published-list data for the `publish` and `public_list` benchmarks, generated with the
 * project's own code: organisations, users and the operator from `seedDemoData`, the items from
 * the same demo generator (`demo.generateDemoDataset`, same seed and organisation count, so its
 * owners are the seeded organisations), inserted as `selected` submissions of a call in
 * `reviewing` with submitted review scores, ready for `publishBatch`.
 */
import {
  findBatch,
  findCall,
  findOrganizationsByCreditCodes,
  findUserByEmail,
  insertAssignments,
  insertCall,
  insertSubmissions,
  listBatchEntries,
  type NewSubmission,
} from '@scenebridge/db';
import * as demo from '@scenebridge/demo';
import type { ListType } from '@scenebridge/domain';
import { seedDemoData, type Actor, type Services } from '@scenebridge/server';
import { login } from '@scenebridge/app/auth';
import { denormalise } from '@scenebridge/app/submissions';
// Neither module is in @scenebridge/server's package exports ("./publication", "./portal" would be):
// imported by path so the benchmark snapshots a batch exactly as the portal's downloads do.
import { toPublishedBatch } from '@scenebridge/app/publication';
import type { PublishedBatch } from '@scenebridge/app/publication';
import { prng } from './stats.js';

export const SEED = 2026;

type DemoItem = Record<string, unknown> & { ownerCreditCode: string; title: string };

export interface PublishWorld {
  /** The operator, logged in through the login use case (what publishBatch gets from a session). */
  actor: Actor;
  /** Credit code → organisation id, for every seeded organisation. */
  orgIds: Map<string, string>;
  reviewerIds: string[];
  /** Generated items, not yet in the database; taken in order by `createSelectedCall`. */
  pool: Record<ListType, DemoItem[]>;
  taken: Record<ListType, number>;
  organizations: number;
}

/**
 * seedDemoData with `organizations` organisations (and a few dozen ordinary submissions), then
 * `needs` + `capabilities` more items from the same generator, kept for selected calls.
 */
export async function seedPublishWorld(
  services: Services,
  opts: {
    organizations: number;
    needs: number;
    capabilities: number;
    seed?: number;
  },
): Promise<PublishWorld> {
  const seed = opts.seed ?? SEED;
  const base = { organizations: opts.organizations, needs: 60, capabilities: 30 };
  const seeded = await seedDemoData({ services, scale: base, seed });
  if (!seeded.created) throw new Error('database was not empty');
  // Organisations depend only on the seed and their count: these owners are the seeded ones.
  const ds = demo.generateDemoDataset({
    seed,
    organizations: opts.organizations,
    needs: Math.max(1, opts.needs),
    capabilities: Math.max(1, opts.capabilities),
    now: services.now(),
  });
  const orgIds = new Map<string, string>();
  const codes = ds.organizations.map((o) => o.creditCode);
  for (let i = 0; i < codes.length; i += 1000) {
    for (const o of await findOrganizationsByCreditCodes(services.db, codes.slice(i, i + 1000))) orgIds.set(o.creditCode, o.id);
  }
  const { actor } = await login({ services, email: demo.DEMO_OPERATOR_EMAIL, password: demo.DEMO_PASSWORD });
  const reviewerIds: string[] = [];
  for (const email of demo.DEMO_REVIEWER_EMAILS) {
    const u = await findUserByEmail(services.db, email);
    if (u) reviewerIds.push(u.id);
  }
  return {
    actor: actor as Actor,
    orgIds,
    reviewerIds,
    organizations: opts.organizations,
    pool: {
      scenario_need: ds.needs as unknown as DemoItem[],
      capability: ds.capabilities as unknown as DemoItem[],
    },
    taken: { scenario_need: 0, capability: 0 },
  };
}

export interface SelectedCall {
  callId: string;
  items: number;
  assignments: number;
}

const SCHEMES: Record<ListType, Parameters<typeof insertCall>[1]['reviewScheme']> = {
  scenario_need: {
    reviewersPerItem: 3,
    blind: false,
    criteria: [
      { key: 'urgency', name: '需求迫切性', weight: 30 },
      { key: 'demonstration', name: '示范带动性', weight: 25 },
      { key: 'feasibility', name: '技术可行性', weight: 25 },
      { key: 'openness', name: '开放条件', weight: 20 },
    ],
  },
  capability: {
    reviewersPerItem: 3,
    blind: true,
    criteria: [
      { key: 'advancement', name: '技术先进性', weight: 30 },
      { key: 'feasibility', name: '方案可行性', weight: 25 },
      { key: 'capacity', name: '实施能力', weight: 25 },
      { key: 'outcomes', name: '应用成效', weight: 20 },
    ],
  },
};

/**
 * A closed call in `reviewing` holding the next `count` generated items of `listType`, all
 * submitted and `selected`, each with one submitted score per demo reviewer (so publishBatch
 * ranks real scores). `at` places the call in time (its window ends a week before).
 */
export async function createSelectedCall(
  services: Services,
  world: PublishWorld,
  opts: {
    listType: ListType;
    count: number;
    at?: Date;
    label?: string;
  },
): Promise<SelectedCall> {
  const { listType, count } = opts;
  const pool = world.pool[listType];
  const start = world.taken[listType];
  if (start + count > pool.length) throw new Error(`only ${pool.length - start} generated ${listType} items left, ${count} wanted`);
  world.taken[listType] += count;
  const at = opts.at ?? services.now();
  const day = 86_400_000;
  const call = await insertCall(services.db, {
    title: `${opts.label ?? '基准测试'}${listType === 'scenario_need' ? '人工智能应用场景需求征集' : '人工智能场景能力征集'}`,
    listType,
    description: '基准测试用征集活动：全部项目已完成评审并入选，待发布。',
    opensAt: new Date(at.getTime() - 60 * day),
    closesAt: new Date(at.getTime() - 7 * day),
    status: 'reviewing',
    reviewScheme: SCHEMES[listType],
  });
  const submittedBase = at.getTime() - 30 * day;
  const rows: NewSubmission[] = pool.slice(start, start + count).map((item, i) => {
    const { ownerCreditCode, ...data } = item;
    const organizationId = world.orgIds.get(ownerCreditCode);
    if (!organizationId) throw new Error(`owner ${ownerCreditCode} was not seeded`);
    const when = new Date(submittedBase + (i % 600) * 3_600_000);
    return {
      callId: call.id,
      organizationId,
      listType,
      status: 'selected',
      data,
      ...denormalise(data),
      title: String(data.title),
      submittedAt: when,
      createdAt: when,
      updatedAt: when,
    };
  });
  const inserted = await insertSubmissions(services.db, rows);
  const rand = prng(count * 31 + start);
  const assignments = inserted.flatMap((s) =>
    world.reviewerIds.map((reviewerUserId) => ({
      callId: call.id,
      submissionId: s.id,
      reviewerUserId,
      status: 'submitted',
      weightedScore: Math.round((60 + rand() * 38) * 100) / 100,
      submittedAt: new Date(at.getTime() - 10 * day),
      dueAt: new Date(at.getTime() - 8 * day),
    })),
  );
  await insertAssignments(services.db, assignments);
  return { callId: call.id, items: inserted.length, assignments: assignments.length };
}

/** The batch as the portal's downloads see it: findBatch + findCall + current entries → toPublishedBatch. */
export async function loadPublishedBatch(services: Services, batchId: string): Promise<PublishedBatch> {
  const batch = await findBatch(services.db, batchId);
  if (!batch) throw new Error(`batch ${batchId} not found`);
  const call = await findCall(services.db, batch.callId);
  if (!call) throw new Error(`call ${batch.callId} not found`);
  const current = await listBatchEntries(services.db, batchId, { currentOnly: true });
  return toPublishedBatch(batch, call, current);
}
