/**
 * Who hears of a task agreement's moves, in their transaction: a delivery goes to the challenge
 * owner's users and the operators; an acceptance assignment to each newly assigned expert; a
 * milestone's conclusion to the winner's lead users (with the conditions or the reason); an
 * elimination to the lead's users, with why. The one who acted is not told of their own act.
 */
import { emailByDefault } from '@scenebridge/contract/notifications/labels';
import { MILESTONE_STATE_LABELS } from '@scenebridge/contract/awards/labels';
import { findAwardWithChallenge, findMilestone, notifyUsers, usersOfOrganizations, usersWithRole, type NotifyItem } from '@scenebridge/db';
import { exceptActor } from '../notifications/index.js';
import type { Subscriber } from '../shared/index.js';

const CONCLUDED = new Set(['milestone.pass', 'milestone.pass_with_conditions', 'milestone.fail']);
const MINE = new Set(['milestone.deliver', 'milestone.assign_acceptors', 'award.eliminate', ...CONCLUDED]);

export const awardNotifications: Subscriber = async (events, { tx, actor }) => {
  const mine = events.filter((e) => MINE.has(e.action));
  if (mine.length === 0) return;
  const notes: NotifyItem[] = [];
  for (const e of mine) {
    const data = (e.data ?? {}) as { awardId?: string; userIds?: string[] };
    const milestone = e.entityType === 'award_milestone' ? await findMilestone(tx, e.entityId) : undefined;
    const award = (await findAwardWithChallenge(tx, data.awardId ?? e.entityId))!;
    const link = `/awards/${award.id}`;
    const ref = `任务书${award.agreementNo}「${award.challengeTitle}」`;
    const push = (ids: readonly { id: string }[], kind: Parameters<typeof emailByDefault>[0], title: string, body: string) =>
      notes.push(
        ...exceptActor(actor, ids).map((u) => ({
          userId: u.id,
          kind,
          title,
          body,
          link,
          data: { awardId: award.id },
          email: emailByDefault(kind),
        })),
      );
    if (e.action === 'milestone.deliver') {
      const to = [...(await usersOfOrganizations(tx, [award.ownerOrganizationId])), ...(await usersWithRole(tx, 'operator'))];
      push(
        dedupe(to),
        'award.delivered',
        `里程碑待验收：${milestone!.name}`,
        `${award.organizationName}提交了${ref}第${milestone!.seq}个里程碑的交付物，请组织验收。`,
      );
    } else if (e.action === 'milestone.assign_acceptors') {
      push(
        (data.userIds ?? []).map((id) => ({ id })),
        'award.acceptance_assigned',
        `新的验收任务：${milestone!.name}`,
        `您被指派为${ref}里程碑「${milestone!.name}」的验收专家，请登记验收意见。`,
      );
    } else if (CONCLUDED.has(e.action)) {
      const outcome = MILESTONE_STATE_LABELS[milestone!.status as keyof typeof MILESTONE_STATE_LABELS];
      const why = e.reason ? `。${e.action === 'milestone.fail' ? '原因' : '条件'}：${e.reason}` : '';
      push(
        await usersOfOrganizations(tx, [award.organizationId]),
        'award.milestone_concluded',
        `里程碑验收结论：${milestone!.name}（${outcome}）`,
        `${ref}里程碑「${milestone!.name}」验收结论为${outcome}${why}`,
      );
    } else if (e.action === 'award.eliminate') {
      push(
        await usersOfOrganizations(tx, [award.organizationId]),
        'award.eliminated',
        `赛马淘汰：${award.challengeTitle}`,
        `${ref}已在检查点被淘汰。原因：${e.reason ?? ''}`,
      );
    }
  }
  await notifyUsers(tx, notes);
};

const dedupe = <U extends { id: string }>(users: readonly U[]): U[] => [...new Map(users.map((u) => [u.id, u])).values()];
