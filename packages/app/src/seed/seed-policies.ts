/**
 * The policy hub's demo (docs/policies.md): the three real notices kept with the demo package
 * ingested through the use cases, as an operator would. The digest (000) and the district plan
 * (001) are published; the newspaper page (003) waits as a draft for review. The tiered
 * indirect-cost calculator of 000 is confirmed, Chongqing's research-funding measures get the
 * conditions an operator would set (a unit registered in Chongqing, of a research-performing
 * kind), the approved organisations' administrators fill in their profiles, and a 政策动态 draft
 * is composed from the two published notices.
 */
import * as demo from '@scenebridge/demo';
import { listPolicyCalculators, listPolicyMeasures, listPolicyTerms, findPolicy } from '@scenebridge/db';
import type { Services } from '../context.js';
import {
  confirmCalculator,
  correctMeasure,
  createPolicyDigest,
  ingestPolicy,
  transitionPolicy,
  updateMyPolicyProfile,
} from '../policy-hub/index.js';
import { demoActor } from './demo-actor.js';

const RESEARCH_KINDS = ['university', 'research_institute', 'new_rd_institution', 'ai_company', 'private_enterprise', 'soe'] as const;
const REVENUE = ['3m_20m', '20m_50m', '50m_100m', '100m_400m'] as const;
const SECTORS = ['manufacturing', 'healthcare', 'city', 'transport', 'agriculture', 'education'] as const;

export interface PolicyCounts {
  policies: number;
  measures: number;
  conditioned: number;
  profiles: number;
}

async function version(services: Services, id: string) {
  return (await findPolicy(services.db, id))!.version;
}

export async function seedDemoPolicies({
  services,
  ds,
  seed,
  pendingCodes,
}: {
  services: Services;
  ds: ReturnType<typeof demo.generateDemoDataset>;
  seed: number;
  pendingCodes: Set<string>;
}): Promise<PolicyCounts> {
  const operator = await demoActor(services, demo.DEMO_OPERATOR_EMAIL);
  const ids: Record<demo.PolicySeedId, string> = { '000': '', '001': '', '003': '' };
  for (const id of demo.POLICY_SEED_IDS) {
    ids[id] = (await ingestPolicy({ services, actor: operator, text: demo.policySeedText(id), format: 'paste' })).id;
  }

  // The tiered 间接费用 rule of the research-funding notice: the proposal is what the text says.
  const digestId = ids['000'];
  for (const c of await listPolicyCalculators(services.db, digestId)) {
    if ((c.definition as { kind?: string }).kind !== 'tiered') continue;
    await confirmCalculator({
      services,
      actor: operator,
      policyId: digestId,
      measureId: c.measureId,
      input: { version: await version(services, digestId) },
    });
  }

  // Chongqing's research-funding measures (the third notice of 000) apply to units registered in Chongqing that do research.
  const measures = await listPolicyMeasures(services.db, digestId);
  const withTerms = new Set((await listPolicyTerms(services.db, digestId)).map((t) => t.measureId));
  const funding = measures.filter((m) => m.path.startsWith('3.') && withTerms.has(m.id));
  for (const m of funding) {
    await correctMeasure({
      services,
      actor: operator,
      policyId: digestId,
      measureId: m.id,
      input: {
        version: await version(services, digestId),
        supportType: 'subsidy',
        conditions: [
          { kind: 'region', regionCodes: ['500000'] },
          { kind: 'organization_kind', kinds: [...RESEARCH_KINDS] },
          { kind: 'not_dishonest' },
        ],
        reason: '按通知适用范围设定：市级财政科研项目承担单位（注册地在重庆）',
      },
    });
  }
  for (const id of ['000', '001'] as const)
    await transitionPolicy({
      services,
      actor: operator,
      id: ids[id],
      input: { action: 'publish', version: await version(services, ids[id]) },
    });

  // Administrators of approved organisations describe them; figures drawn from the seed.
  const rng = new demo.Rng(seed, 'policy-profiles');
  const admins = ds.users.filter(
    (u) => u.roles.includes('org_admin') && u.organizationCreditCode && !pendingCodes.has(u.organizationCreditCode),
  );
  let profiles = 0;
  for (const u of admins.slice(0, 12)) {
    const actor = await demoActor(services, u.email);
    await updateMyPolicyProfile({
      services,
      actor,
      input: {
        employees: rng.int(12, 900),
        revenueBand: rng.pick(REVENUE),
        rdSharePercent: rng.int(150, 1200) / 100,
        sectors: [rng.pick(SECTORS)],
        foundedOn: `${rng.int(2005, 2023)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      },
    });
    profiles++;
  }

  await createPolicyDigest({
    services,
    actor: operator,
    input: {
      title: '政策动态',
      intro: '本期汇集人工智能场景创新、科研经费管理改革和区县科技创新规划相关政策。',
      policyIds: [ids['000'], ids['001']],
    },
  });
  return { policies: 3, measures: measures.length, conditioned: funding.length, profiles };
}
