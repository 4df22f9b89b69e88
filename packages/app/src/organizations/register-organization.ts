import {
  findOrganization, findOrganizationByCreditCode, findUserByEmail, insertOrganization, insertUser,
  listOrganizationUsers, listOrganizations, updateOrganizationStatus, type OrganizationRow, type UserRow,
} from '@scenebridge/db';
import {
  allowedActions, decide, DomainError, forbidden, notFound, organizationMachine, regionFullName,
  type Actor as MachineActor, type OrganizationRegistration, type OrganizationState, type Role,
} from '@scenebridge/domain';
import { isOperator, type Actor, type Services } from '../context.js';
import { hashPassword } from '../auth/index.js';
import { audit } from '../audit/index.js';

function machineActors(actor: Actor | null, org: OrganizationRow): MachineActor[] {
  const out: MachineActor[] = [];
  if (isOperator(actor)) out.push('operator');
  if (actor && actor.organizationId === org.id && actor.roles.includes('org_admin')) out.push('owner');
  return out;
}

export function presentOrganization(org: OrganizationRow, actor: Actor | null) {
  return {
    id: org.id, name: org.name, creditCode: org.creditCode, kind: org.kind, regionCode: org.regionCode,
    regionName: regionFullName(org.regionCode), address: org.address, contactName: org.contactName,
    contactPhone: org.contactPhone, status: org.status, statusReason: org.statusReason,
    createdAt: org.createdAt.toISOString(),
    allowedActions: allowedActions(organizationMachine, org.status as OrganizationState, machineActors(actor, org)),
  };
}

export function presentUser(u: UserRow) {
  return { id: u.id, email: u.email, displayName: u.displayName, roles: u.roles, organizationId: u.organizationId, createdAt: u.createdAt.toISOString() };
}

/** Unique violations raced past our checks still become the same clear error. */
function translateUniqueViolation(e: unknown): never {
  const err = e as { code?: string; cause?: { code?: string; constraint?: string }; constraint?: string };
  const code = err.code ?? err.cause?.code;
  const constraint = err.constraint ?? err.cause?.constraint ?? '';
  if (code === '23505' && constraint.includes('credit_code')) throw new DomainError('CREDIT_CODE_TAKEN', '该统一社会信用代码已注册', 409);
  if (code === '23505' && constraint.includes('email')) throw new DomainError('EMAIL_TAKEN', '该邮箱已注册', 409);
  throw e;
}

export async function registerOrganization({ services, input }: { services: Services; input: OrganizationRegistration }) {
  const { db } = services;
  if (await findOrganizationByCreditCode(db, input.creditCode)) throw new DomainError('CREDIT_CODE_TAKEN', '该统一社会信用代码已注册', 409);
  if (await findUserByEmail(db, input.admin.email)) throw new DomainError('EMAIL_TAKEN', '该邮箱已注册', 409);
  const passwordHash = await hashPassword(input.admin.password);
  try {
    return await db.transaction(async (tx) => {
      const org = await insertOrganization(tx, {
        name: input.name, creditCode: input.creditCode, kind: input.kind, regionCode: input.regionCode,
        address: input.address ?? null, contactName: input.contactName, contactPhone: input.contactPhone, status: 'pending',
      });
      const user = await insertUser(tx, {
        organizationId: org.id, email: input.admin.email, displayName: input.admin.displayName, passwordHash, roles: ['org_admin'],
      });
      await audit(tx, null, {
        action: 'organization.registered', entityType: 'organization', entityId: org.id, toState: 'pending',
        data: { name: org.name, creditCode: org.creditCode, adminUserId: user.id, adminEmail: user.email },
      });
      return { organization: org, user };
    });
  } catch (e) {
    translateUniqueViolation(e);
  }
}

async function visibleOrganization(services: Services, actor: Actor | null, id: string) {
  const org = await findOrganization(services.db, id);
  if (!org || !(isOperator(actor) || actor?.organizationId === id)) throw notFound('机构');
  return org;
}

export const getOrganization = ({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) =>
  visibleOrganization(services, actor, id);

export async function listOrganizationsForOperator({ services, actor, query }: {
  services: Services; actor: Actor | null; query: { status?: string; q?: string; page: number; pageSize: number };
}) {
  if (!isOperator(actor)) throw forbidden();
  const { items, total } = await listOrganizations(services.db, {
    status: query.status, text: query.q, limit: query.pageSize, offset: (query.page - 1) * query.pageSize,
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export async function transitionOrganization({ services, actor, id, action, reason }: {
  services: Services; actor: Actor | null; id: string; action: string; reason?: string;
}) {
  return services.db.transaction(async (tx) => {
    const org = await findOrganization(tx, id);
    if (!org || !(isOperator(actor) || actor?.organizationId === id)) throw notFound('机构');
    const t = decide(organizationMachine, {
      from: org.status as OrganizationState, action: action as never, actors: machineActors(actor, org), reason,
    });
    const updated = await updateOrganizationStatus(tx, id, org.status, t.to, reason?.trim() || null);
    if (!updated) throw new DomainError('CONFLICT', '机构状态已被他人修改，请刷新后重试', 409);
    await audit(tx, actor, {
      action: `organization.${action}`, entityType: 'organization', entityId: id, fromState: org.status, toState: t.to,
      reason: reason?.trim() || null,
    });
    return updated;
  });
}

export async function listUsersOfOrganization({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  await visibleOrganization(services, actor, id);
  if (!isOperator(actor) && !actor?.roles.includes('org_admin')) throw forbidden();
  return listOrganizationUsers(services.db, id);
}

const ORG_ROLES: Role[] = ['org_admin', 'org_member'];

export async function createUserInOrganization({ services, actor, id, input }: {
  services: Services; actor: Actor | null; id: string;
  input: { email: string; displayName: string; password: string; roles: Role[] };
}) {
  await visibleOrganization(services, actor, id);
  const operator = isOperator(actor);
  if (!operator && !actor?.roles.includes('org_admin')) throw forbidden();
  if (!operator && input.roles.some((r) => !ORG_ROLES.includes(r))) {
    throw new DomainError('FORBIDDEN', '机构管理员只能分配机构管理员或机构成员角色', 403);
  }
  if (await findUserByEmail(services.db, input.email)) throw new DomainError('EMAIL_TAKEN', '该邮箱已注册', 409);
  const passwordHash = await hashPassword(input.password);
  try {
    return await services.db.transaction(async (tx) => {
      const user = await insertUser(tx, { organizationId: id, email: input.email, displayName: input.displayName, passwordHash, roles: input.roles });
      await audit(tx, actor, { action: 'user.created', entityType: 'user', entityId: user.id, data: { organizationId: id, email: user.email, roles: input.roles } });
      return user;
    });
  } catch (e) {
    translateUniqueViolation(e);
  }
}
