/**
 * The first operator of a deployment. A production start has no demo data, so somebody has to
 * create the platform's own organisation and its first operator account: from the shell, on
 * the server, once. Later operators are added in the app by this one.
 */
import { randomBytes } from 'node:crypto';
import { countActiveOperators, findOrganizationByCreditCode, findUserByEmail, insertOrganization, insertUser } from '@scenebridge/db';
import { DomainError, organizationRegistrationSchema, passwordProblem } from '@scenebridge/domain';
import type { Services } from '../context.js';
import { hashPassword } from './password.js';
import { inTransaction } from '../shared/index.js';

export interface FirstOperatorInput {
  organizationName: string;
  creditCode: string;
  regionCode: string;
  contactPhone: string;
  email: string;
  displayName: string;
}

/** 20 characters from a 56-letter alphabet without look-alikes (0/O, 1/l/I): about 116 bits. */
function randomPassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const out: string[] = [];
  while (out.length < 20) {
    const b = randomBytes(1)[0]!;
    if (b < 224) out.push(alphabet[b % 56]!); // 224 = 4 × 56: no modulo bias
  }
  return out.join('');
}

/** A random password that the password rule accepts (about 1 in 20 draws has no digit and is drawn again). */
export function generatePassword(email: string): string {
  for (;;) {
    const p = randomPassword();
    if (passwordProblem(p, email) === null) return p;
  }
}

export async function createFirstOperator({ services, input }: { services: Services; input: FirstOperatorInput }) {
  const password = generatePassword(input.email);
  const parsed = organizationRegistrationSchema.safeParse({
    name: input.organizationName,
    creditCode: input.creditCode,
    kind: 'government',
    regionCode: input.regionCode,
    contactName: input.displayName,
    contactPhone: input.contactPhone,
    admin: { email: input.email, displayName: input.displayName, password },
  });
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new DomainError('VALIDATION_FAILED', `${i.path.join('.')}: ${i.message}`, 400);
  }
  const v = parsed.data;
  if ((await countActiveOperators(services.db)) > 0) {
    throw new DomainError('OPERATOR_EXISTS', '平台已有运营方账号，请由现有运营方在系统中添加用户', 409);
  }
  if (await findOrganizationByCreditCode(services.db, v.creditCode))
    throw new DomainError('CREDIT_CODE_TAKEN', '该统一社会信用代码已注册', 409);
  if (await findUserByEmail(services.db, v.admin.email)) throw new DomainError('EMAIL_TAKEN', '该邮箱已注册', 409);
  const passwordHash = await hashPassword(password);
  return inTransaction(services, null, async (tx, events) => {
    const org = await insertOrganization(tx, {
      name: v.name,
      creditCode: v.creditCode,
      kind: v.kind,
      regionCode: v.regionCode,
      contactName: v.contactName,
      contactPhone: v.contactPhone,
      status: 'approved',
      isPlatformOperator: true,
    });
    const user = await insertUser(tx, {
      organizationId: org.id,
      email: v.admin.email,
      displayName: v.admin.displayName,
      passwordHash,
      roles: ['operator'],
    });
    await events.record({
      action: 'operator.bootstrapped',
      entityType: 'user',
      entityId: user.id,
      reason: 'first operator created from the shell',
      data: { organizationId: org.id, organizationName: org.name, email: user.email },
    });
    return { organization: org, user, password };
  });
}
