import {
  deleteParticipants,
  findChallenge,
  findOrganization,
  insertParticipants,
  listParticipants,
  lockChallengeForShare,
  type ChallengeWithOrg,
  type Transaction,
} from '@scenebridge/db';
import {
  assertApplicationFits,
  consortiumMemberMachine,
  decide,
  DomainError,
  notFound,
  shanghaiDay,
  type ApplicationContent,
  type FieldProblem,
} from '@scenebridge/domain';
import type { TransactionEvents } from '../shared/index.js';

/** The challenge must be open and its deadline ahead of the server's clock (its row held FOR SHARE by the caller). */
export async function challengeAcceptingApplications(tx: Transaction, challengeId: string, now: Date): Promise<ChallengeWithOrg> {
  const locked = await lockChallengeForShare(tx, challengeId);
  if (!locked) throw notFound('榜单');
  if (now.getTime() >= locked.applicationDeadline.getTime()) throw deadlinePassed(locked.applicationDeadline);
  if (locked.status !== 'open') throw new DomainError('CHALLENGE_NOT_ACCEPTING', '该榜单当前不接受申报', 409);
  return (await findChallenge(tx, challengeId))!;
}

export function deadlinePassed(deadline: Date): DomainError {
  const at = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(deadline);
  return new DomainError('APPLICATION_DEADLINE_PASSED', `已过申报截止时间（${at}，以服务器时间为准），不能再提交或撤回申报`, 409, {
    deadline: deadline.toISOString(),
  });
}

/** The quote within the reward and one planned date per milestone (400 naming the field). */
export function checkAgainstChallenge(input: Pick<ApplicationContent, 'quoteFen' | 'schedule'>, c: ChallengeWithOrg, now: Date) {
  assertApplicationFits(input, { rewardFen: c.rewardFen, milestoneCount: (c.milestones as unknown[]).length }, shanghaiDay(now));
}

/** Each member an approved organisation, neither the lead nor the challenge's owner (400 naming the entry). */
export async function checkMembers(tx: Transaction, ids: readonly string[], leadId: string, c: ChallengeWithOrg) {
  const problems: FieldProblem[] = [];
  for (const [i, id] of ids.entries()) {
    const path = `memberOrganizationIds.${i}`;
    if (id === leadId) {
      problems.push({ path, message: '牵头单位不能同时作为联合体成员' });
      continue;
    }
    if (id === c.organizationId) {
      problems.push({ path, message: '发榜单位不能作为联合体成员' });
      continue;
    }
    const org = await findOrganization(tx, id);
    if (!org || org.isPlatformOperator) problems.push({ path, message: '联合体成员单位不存在' });
    else if (org.status !== 'approved') problems.push({ path, message: `联合体成员单位（${org.name}）尚未通过审核` });
  }
  if (problems.length) throw new DomainError('VALIDATION_FAILED', problems[0]!.message, 400, problems);
}

/** Refuses (409, naming them) organisations already taking part in another application of the challenge. */
export async function participationConflict(tx: Transaction, organizationIds: string[]): Promise<DomainError> {
  const names = await Promise.all(organizationIds.map(async (id) => (await findOrganization(tx, id))?.name ?? id));
  return new DomainError(
    'APPLICATION_PARTICIPATION_EXISTS',
    `以下单位已参与此榜单的另一份申报（每个单位在同一榜单只能参与一份申报）：${names.join('、')}`,
    409,
    organizationIds.map((id, i) => ({ organizationId: id, organizationName: names[i] })),
  );
}

/**
 * Makes the consortium the list the lead gave: removed members leave, new ones are invited
 * (a declined member listed again is invited again), the others keep their answer.
 */
export async function syncMembers(
  tx: Transaction,
  events: TransactionEvents,
  applicationId: string,
  challengeId: string,
  memberIds: readonly string[],
) {
  const current = (await listParticipants(tx, applicationId)).filter((p) => p.role === 'member');
  const wanted = new Set(memberIds);
  const removed = current.filter((p) => !wanted.has(p.organizationId));
  const reinvited = current.filter((p) => wanted.has(p.organizationId) && p.status === 'declined');
  for (const _p of reinvited) decide(consortiumMemberMachine, { from: 'declined', action: 'reinvite', actors: ['system'] });
  await deleteParticipants(
    tx,
    applicationId,
    [...removed, ...reinvited].map((p) => p.organizationId),
  );
  const keep = new Set(current.filter((p) => wanted.has(p.organizationId) && p.status !== 'declined').map((p) => p.organizationId));
  const invite = memberIds.filter((id) => !keep.has(id));
  const conflicts = await insertParticipants(
    tx,
    invite.map((organizationId) => ({
      applicationId,
      challengeId,
      organizationId,
      role: 'member',
      status: 'invited',
      position: memberIds.indexOf(organizationId) + 1,
    })),
  );
  if (conflicts.length) throw await participationConflict(tx, conflicts);
  for (const organizationId of invite) {
    await events.record({
      action: 'application.member_invited',
      entityType: 'application',
      entityId: applicationId,
      data: { organizationId },
    });
  }
  for (const p of removed) {
    await events.record({
      action: 'application.member_removed',
      entityType: 'application',
      entityId: applicationId,
      data: { organizationId: p.organizationId },
    });
  }
}
