/** Test helpers of 技术合同登记: a valid form, a tiny PDF, actors, and a registration put straight into a state. */
import { insertSubmissions, insertTechContract, schema, type NewTechContract } from '@scenebridge/db';
import { contractInputSchema, creditCodeCheckChar, type ContractInputRaw } from '@scenebridge/domain';
import { eq } from 'drizzle-orm';
import type { Actor, Services } from '../context.js';
import { makeCall, makeOrganization, makeUser, scenarioNeedData } from '../testing.js';
import { contractColumns } from './content.js';

const code = (first17: string) => first17 + creditCodeCheckChar(first17);

export function contractInput(overrides: Partial<ContractInputRaw> = {}): ContractInputRaw {
  return {
    projectName: '汽车零部件表面缺陷视觉检测系统开发',
    contractType: 'development_commissioned',
    buyer: {
      name: '重庆示例汽车零部件有限公司',
      creditCode: code('91500105MA5U8XQ21'),
      regionCode: '500105',
      natureCode: 'enterprise_private',
    },
    seller: {
      name: '重庆示例智能科技有限公司',
      creditCode: code('91500112MA60C3KN7'),
      regionCode: '500112',
      natureCode: 'enterprise_private',
    },
    signedOn: '2026-09-01',
    validFrom: '2026-09-01',
    validUntil: '2027-08-31',
    contractAmountFen: 120_000_000,
    technologyAmountFen: 100_000_000,
    paymentMethod: 'lump_sum_installments',
    ...overrides,
  };
}

/** The smallest bytes the upload sniffing takes for a PDF. */
export function tinyPdf(): Buffer {
  return Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
}

export async function actorOf(services: Services, userId: string): Promise<Actor> {
  const [row] = await services.db
    .select({ u: schema.users, o: schema.organizations })
    .from(schema.users)
    .innerJoin(schema.organizations, eq(schema.organizations.id, schema.users.organizationId))
    .where(eq(schema.users.id, userId));
  const { u, o } = row!;
  return {
    userId: u.id,
    email: u.email,
    displayName: u.displayName,
    roles: u.roles as Actor['roles'],
    organizationId: o.id,
    organizationName: o.name,
    organizationStatus: o.status,
    organizationKind: o.kind,
    sessionId: 'test',
    csrfToken: 'test',
  };
}

export async function makeSeller(services: Services): Promise<Actor> {
  const org = await makeOrganization(services);
  return actorOf(services, (await makeUser(services, org.id, ['org_admin'])).id);
}

export async function makeRegistrar(services: Services, roles: Actor['roles'] = ['registrar']): Promise<Actor> {
  const org = await makeOrganization(services, { operator: true });
  return actorOf(services, (await makeUser(services, org.id, roles)).id);
}

/** A registration of `sellerOrganizationId` written directly in `status` (for what follows). */
export async function makeContract(
  services: Services,
  sellerOrganizationId: string,
  opts: { status?: string; input?: Partial<ContractInputRaw>; row?: Partial<NewTechContract> } = {},
) {
  const id = crypto.randomUUID();
  const input = contractInputSchema.parse(contractInput(opts.input));
  return insertTechContract(services.db, {
    ...contractColumns(input),
    id,
    lineageId: id,
    sellerOrganizationId,
    status: opts.status ?? 'draft',
    ...opts.row,
  });
}

/** A scenario need in `status` (published by default). */
export async function makeNeed(services: Services, status = 'published'): Promise<string> {
  const org = await makeOrganization(services);
  const call = await makeCall(services);
  const [row] = await insertSubmissions(services.db, [
    { callId: call.id, organizationId: org.id, listType: 'scenario_need', status, data: scenarioNeedData(), title: '测试需求' } as never,
  ]);
  return row!.id;
}
