/**
 * The demo's 揭榜挂帅, written through the use cases as people would, so every step is checked
 * and audited as in real use: the operator records suppliers' qualifications; need owners draft
 * challenges from their published needs, send them for review, the operator approves them;
 * suppliers apply, alone or as a consortium whose member confirms. One challenge is history:
 * written on a clock set back a few weeks, then closed by the clock's own job.
 *
 * No 公示 is seeded: the seed's only calls in review are the two it publishes as batches, and a
 * running 公示 of a call blocks its batch (assertCallSelectionPublicised), while after
 * publishing no item is left selected to publicise.
 */
import { findOrganization, findSubmission, listApplications, listChallenges, listSubmissionsOfCallInStates } from '@scenebridge/db';
import * as demo from '@scenebridge/demo';
import { applicationContentSchema, challengeInputSchema, DomainError, type ScenarioNeed } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { demoActor } from './demo-actor.js';
import { createApplication, decideMembership, transitionApplication } from '../applications/index.js';
import { closeChallengesByClock, createChallenge, transitionChallenge } from '../challenges/index.js';
import { addOrganizationQualification } from '../organizations/index.js';
import { createPublicity, transitionPublicity } from '../publicity/index.js';

const DAY = 86_400_000;
type Dataset = ReturnType<typeof demo.generateDemoDataset>;
type Stage = 'open' | 'pending_review' | 'closed' | 'draft';
/** What the six challenges become, in the order generated. */
const STAGES: readonly Stage[] = ['open', 'open', 'open', 'pending_review', 'closed', 'draft'];
/** How far back the closed challenge was posted, and its deadline (days before now). */
const HISTORY = { postedDaysAgo: 25, deadlineDaysAgo: 2 };

interface Party {
  id: string;
  name: string;
  admin: Actor;
}

interface SeedContext {
  seed: number;
  operator: Actor;
  /** Enterprise suppliers holding qualifications: they lead applications. */
  leads: Party[];
  /** Universities and institutes: consortium members. */
  members: Party[];
  /** Each organisation's administrator, by credit code. */
  adminEmails: Map<string, string>;
  applications: number;
}

/** The same services on a clock `days` from now (negative: the past). */
const clockAt = (services: Services, base: Date, days: number): Services => ({
  ...services,
  now: () => new Date(base.getTime() + days * DAY),
});

async function partiesOf(services: Services, orgs: readonly demo.DemoOrganization[]): Promise<Party[]> {
  return Promise.all(
    orgs.map(async (o) => {
      const admin = await demoActor(services, o.admin.email);
      return { id: admin.organizationId, name: admin.organizationName, admin };
    }),
  );
}

async function recordQualifications(services: Services, operator: Actor, seed: number, orgs: readonly demo.DemoOrganization[]) {
  for (const o of orgs) {
    const admin = await demoActor(services, o.admin.email);
    for (const q of demo.demoQualifications({ seed, creditCode: o.creditCode, kind: o.kind, now: services.now() })) {
      await addOrganizationQualification({ services, actor: operator, organizationId: admin.organizationId, input: q });
    }
  }
}

/** The published needs of `callId`, with what a challenge takes from each and who posted it. */
async function publishedNeeds(services: Services, callId: string) {
  const rows = await listSubmissionsOfCallInStates(services.db, callId, ['published']);
  const out: { id: string; organizationId: string; need: demo.ChallengeSourceNeed }[] = [];
  for (const r of rows) {
    const s = (await findSubmission(services.db, r.id))!.submission;
    out.push({ id: r.id, organizationId: r.organizationId, need: s.data as ScenarioNeed });
  }
  return out;
}

/** One application by `lead` (with `members` invited) to `challengeId`; submitted unless `draft`. */
async function apply(
  ctx: SeedContext,
  services: Services,
  challenge: { id: string; input: demo.ApplicationTarget },
  lead: Party,
  opts: { members?: Party[]; confirm?: boolean; submit: boolean },
) {
  const content = demo.generateApplicationContent({
    seed: ctx.seed,
    index: ctx.applications++,
    target: challenge.input,
    leadName: lead.name,
    now: services.now(),
  });
  const members = opts.members ?? [];
  const input = applicationContentSchema.parse({ ...content, memberOrganizationIds: members.map((m) => m.id) });
  const { app } = await createApplication({ services, actor: lead.admin, challengeId: challenge.id, input });
  if (opts.confirm) {
    for (const m of members) await decideMembership({ services, actor: m.admin, id: app.id, input: { decision: 'confirm' } });
  }
  if (opts.submit) await transitionApplication({ services, actor: lead.admin, id: app.id, action: 'submit' });
}

/** Leads for one challenge: never its owner, each at most once. */
const leadsFor = (ctx: SeedContext, ownerId: string, offset: number, n: number) => {
  const pool = ctx.leads.filter((l) => l.id !== ownerId);
  return pool.length ? Array.from({ length: Math.min(n, pool.length) }, (_, k) => pool[(offset + k) % pool.length]!) : [];
};

async function seedApplications(
  ctx: SeedContext,
  services: Services,
  stage: Stage,
  order: number,
  c: { id: string; ownerId: string; input: demo.ApplicationTarget },
) {
  if (stage === 'closed') {
    // Written over the weeks before the deadline; the consortium's member confirms before the lead submits.
    const [withMember, ...alone] = leadsFor(ctx, c.ownerId, 0, 3);
    const base = services.now();
    if (withMember && ctx.members[0]) {
      await apply(ctx, clockAt(services, base, 3), c, withMember, { members: [ctx.members[0]], confirm: true, submit: true });
    }
    for (const [k, lead] of alone.entries()) await apply(ctx, clockAt(services, base, 6 + 4 * k), c, lead, { submit: true });
    return;
  }
  if (stage !== 'open') return;
  const [first, second] = leadsFor(ctx, c.ownerId, order + 1, 2);
  if (first) await apply(ctx, services, c, first, { submit: true });
  // The last open challenge waits on a member's answer: a draft with an invited consortium member.
  const member = ctx.members[(order + 1) % Math.max(1, ctx.members.length)];
  if (second) await apply(ctx, services, c, second, order === 2 && member ? { members: [member], submit: false } : { submit: false });
}

async function postChallenge(
  ctx: SeedContext,
  services: Services,
  stage: Stage,
  order: number,
  source: { id: string; organizationId: string },
  generated: demo.DemoChallenge,
): Promise<string> {
  const owner = await ownerOf(ctx, services, source.organizationId);
  const now = services.now();
  const raw =
    stage === 'closed'
      ? { ...generated.input, applicationDeadline: demo.shanghaiIso(now, HISTORY.postedDaysAgo - HISTORY.deadlineDaysAgo, 17) }
      : generated.input;
  const input = challengeInputSchema.parse({ ...raw, sourceNeedId: source.id });
  const c = await createChallenge({ services, actor: owner, input });
  if (stage !== 'draft') await transitionChallenge({ services, actor: owner, id: c.id, action: 'submit_for_review' });
  if (stage === 'open' || stage === 'closed') await transitionChallenge({ services, actor: ctx.operator, id: c.id, action: 'approve' });
  await seedApplications(ctx, services, stage, order, { id: c.id, ownerId: owner.organizationId, input: raw });
  return c.id;
}

/**
 * The closed challenge, reviewed: the operator shortlists its applications, proposes the one with
 * the lowest quote (a single winner) and starts the 公示 of it, so the public 公示 page has a
 * running period with its objection window.
 */
async function publiciseProposal(ctx: SeedContext, services: Services, challengeId: string) {
  const actor = ctx.operator;
  await transitionChallenge({ services, actor, id: challengeId, action: 'start_review' });
  const { items } = await listApplications(services.db, { challengeId, status: 'submitted', limit: 50, offset: 0 });
  for (const a of items) await transitionApplication({ services, actor, id: a.id, action: 'shortlist' });
  const best = [...items].sort((a, b) => a.quoteFen - b.quoteFen)[0];
  if (!best) return;
  await transitionApplication({ services, actor, id: best.id, action: 'propose' });
  const p = await createPublicity({ services, actor, input: { subjectKind: 'challenge_award', subjectId: challengeId, workingDays: 5 } });
  try {
    await transitionPublicity({ services, actor, id: p.id, action: 'start' });
  } catch (e) {
    // A period reaching into a year nobody has maintained yet (builtin years end): the draft stays for the operator.
    if (!(e instanceof DomainError && e.code === 'CALENDAR_YEAR_MISSING')) throw e;
  }
}

/** The administrator of the organisation that posted the need. */
async function ownerOf(ctx: SeedContext, services: Services, organizationId: string): Promise<Actor> {
  const org = (await findOrganization(services.db, organizationId))!;
  const email = ctx.adminEmails.get(org.creditCode);
  if (!email) throw new Error(`no demo administrator for ${org.name}`);
  return demoActor(services, email);
}

/**
 * Six challenges (three open, one waiting for the operator, one closed whose proposed winner is
 * in its 公示, one draft) from the published needs of `needCallId`, with qualifications and
 * applications. Skipped when any challenge exists, so a second run adds nothing.
 */
export async function seedDemoChallenges({
  services,
  ds,
  seed,
  pendingCodes,
  needCallId,
}: {
  services: Services;
  ds: Dataset;
  seed: number;
  pendingCodes: Set<string>;
  needCallId: string;
}): Promise<{ challenges: number; applications: number }> {
  if ((await listChallenges(services.db, { limit: 1, offset: 0 })).total > 0) return { challenges: 0, applications: 0 };
  const needs = await publishedNeeds(services, needCallId);
  // One challenge per posting organisation while there are enough of them.
  const firstOfEach = needs.filter((n, i) => needs.findIndex((m) => m.organizationId === n.organizationId) === i);
  const sources = firstOfEach.length >= STAGES.length ? firstOfEach : needs;
  if (sources.length === 0) return { challenges: 0, applications: 0 };
  const operator = await demoActor(services, demo.DEMO_OPERATOR_EMAIL);
  const approved = ds.organizations.slice(1).filter((o) => !pendingCodes.has(o.creditCode));
  const enterprises = approved.filter((o) => o.kind === 'ai_company' || o.kind === 'private_enterprise');
  await recordQualifications(services, operator, seed, enterprises);
  const ctx: SeedContext = {
    seed,
    operator,
    leads: await partiesOf(
      services,
      [...enterprises].sort((a, b) => Number(b.kind === 'ai_company') - Number(a.kind === 'ai_company')),
    ),
    members: await partiesOf(
      services,
      approved.filter((o) => ['university', 'research_institute', 'new_rd_institution'].includes(o.kind)),
    ),
    adminEmails: new Map(ds.organizations.map((o) => [o.creditCode, o.admin.email])),
    applications: 0,
  };
  const generated = demo.generateChallenges({ seed, count: STAGES.length, needs: sources.map((s) => s.need), now: services.now() });
  // The closed one first, on the set-back clock; the clock's job then closes it and nothing else, as today's do not exist yet.
  const closed = STAGES.indexOf('closed');
  const past = clockAt(services, services.now(), -HISTORY.postedDaysAgo);
  const closedId = await postChallenge(ctx, past, 'closed', closed, sources[generated[closed]!.needIndex]!, generated[closed]!);
  await closeChallengesByClock({ services });
  await publiciseProposal(ctx, services, closedId);
  for (const [i, stage] of STAGES.entries()) {
    if (stage !== 'closed') await postChallenge(ctx, services, stage, i, sources[generated[i]!.needIndex]!, generated[i]!);
  }
  return { challenges: STAGES.length, applications: ctx.applications };
}
