/**
 * Every kind of notification, written once (zod-free, so the web loads it): its Chinese label,
 * who can receive it (the settings page lists a user only the kinds of their roles) and the
 * email default. In-app is on by default for every kind. Email is opt-in for the kinds added
 * with the preferences; the kinds that emailed before keep emailing by default, so no one
 * silently stops receiving what they got until now. docs/notifications.md lists when each is sent.
 */
import type { Role } from '@scenebridge/domain';

export interface NotificationKindInfo {
  kind: string;
  label: string;
  /** Who receives it; a user sees the kinds of any of their roles in the settings. */
  roles: readonly Role[];
  /** Email when the user has not chosen. */
  emailByDefault: boolean;
}

const ORG: readonly Role[] = ['org_admin', 'org_member'];

export const NOTIFICATION_KINDS = [
  { kind: 'review.assigned', label: '新的评审任务', roles: ['reviewer'], emailByDefault: false },
  { kind: 'review.reopened', label: '评审项目修改后重新提交', roles: ['reviewer'], emailByDefault: false },
  { kind: 'review.overdue', label: '评审任务逾期提醒', roles: ['reviewer'], emailByDefault: true },
  { kind: 'submission.selected', label: '填报项目入选', roles: ORG, emailByDefault: false },
  { kind: 'submission.rejected', label: '填报项目未入选', roles: ORG, emailByDefault: false },
  { kind: 'submission.returned', label: '填报项目退回修改', roles: ORG, emailByDefault: false },
  { kind: 'submission.published', label: '填报项目已发布', roles: ORG, emailByDefault: false },
  { kind: 'submission.merged', label: '填报项目被合并', roles: ORG, emailByDefault: true },
  { kind: 'submission.expiring', label: '已发布项目即将到期', roles: ORG, emailByDefault: false },
  { kind: 'submission.expired', label: '已发布项目已过期', roles: ORG, emailByDefault: false },
  { kind: 'entry.corrected', label: '已发布条目勘误', roles: ORG, emailByDefault: false },
  { kind: 'organization.approved', label: '机构审核通过', roles: ['org_admin'], emailByDefault: false },
  { kind: 'organization.rejected', label: '机构审核驳回', roles: ['org_admin'], emailByDefault: false },
  { kind: 'organization.dishonesty_changed', label: '失信标记变更', roles: ['org_admin'], emailByDefault: true },
  { kind: 'organization.pending', label: '新的机构注册待审核', roles: ['operator'], emailByDefault: false },
  { kind: 'call.closed', label: '征集截止待评审', roles: ['operator'], emailByDefault: false },
  { kind: 'call.cancelled', label: '征集已取消', roles: ORG, emailByDefault: false },
  { kind: 'challenge.pending_review', label: '榜单待审核', roles: ['operator'], emailByDefault: false },
  { kind: 'challenge.approved', label: '榜单审核通过', roles: ORG, emailByDefault: false },
  { kind: 'challenge.returned', label: '榜单退回修改', roles: ORG, emailByDefault: false },
  { kind: 'challenge.changed', label: '已申报榜单内容修改', roles: ORG, emailByDefault: true },
  { kind: 'application.member_invited', label: '受邀加入揭榜联合体', roles: ['org_admin'], emailByDefault: true },
  { kind: 'application.member_confirmed', label: '联合体成员已确认', roles: ORG, emailByDefault: false },
  { kind: 'application.member_declined', label: '联合体成员拒绝加入', roles: ORG, emailByDefault: true },
  { kind: 'application.deadline_reminder', label: '揭榜申报截止提醒', roles: ORG, emailByDefault: true },
  { kind: 'application_review.assigned', label: '新的揭榜评审任务', roles: ['reviewer'], emailByDefault: false },
  { kind: 'defence.scheduled', label: '答辩/路演安排', roles: [...ORG, 'reviewer'], emailByDefault: true },
  { kind: 'defence.changed', label: '答辩/路演安排变更', roles: [...ORG, 'reviewer'], emailByDefault: true },
  { kind: 'defence.cancelled', label: '答辩/路演取消', roles: [...ORG, 'reviewer'], emailByDefault: true },
  { kind: 'publicity.objection_lodged', label: '新的公示异议', roles: ['operator'], emailByDefault: false },
  { kind: 'publicity.objection_decided', label: '公示异议处理结果', roles: ORG, emailByDefault: true },
  { kind: 'award.won', label: '揭榜中榜', roles: ORG, emailByDefault: true },
  { kind: 'challenge.awarded', label: '榜单中榜结果确定', roles: ORG, emailByDefault: true },
  { kind: 'award.delivered', label: '里程碑交付待验收', roles: [...ORG, 'operator'], emailByDefault: false },
  { kind: 'award.acceptance_assigned', label: '新的验收任务', roles: ['reviewer'], emailByDefault: true },
  { kind: 'award.milestone_concluded', label: '里程碑验收结论', roles: ORG, emailByDefault: true },
  { kind: 'award.eliminated', label: '赛马淘汰', roles: ORG, emailByDefault: true },
  { kind: 'interest.received', label: '收到对接意向', roles: ORG, emailByDefault: true },
  { kind: 'interest.broker', label: '新的对接意向（经纪）', roles: ['broker'], emailByDefault: true },
  { kind: 'interest.declined', label: '对接意向被婉拒', roles: ORG, emailByDefault: true },
  { kind: 'subscription.hits', label: '订阅有新匹配', roles: ORG, emailByDefault: false },
  // Mailed in the subscription's digest instead, so not by default one by one.
  { kind: 'policy.match', label: '新政策匹配提醒', roles: ORG, emailByDefault: false },
  { kind: 'contract.submitted', label: '技术合同登记待受理', roles: ['registrar', 'operator'], emailByDefault: false },
  { kind: 'contract.due_soon', label: '技术合同登记即将到期', roles: ['registrar', 'operator'], emailByDefault: true },
  { kind: 'contract.returned', label: '技术合同登记退回补正', roles: ORG, emailByDefault: true },
  { kind: 'contract.registered', label: '技术合同已登记', roles: ORG, emailByDefault: true },
  { kind: 'contract.refused', label: '技术合同未予登记', roles: ORG, emailByDefault: true },
  { kind: 'deal.created', label: '新的对接项目', roles: [...ORG, 'broker'], emailByDefault: true },
  { kind: 'deal.broker_assigned', label: '对接项目指派技术经理人', roles: [...ORG, 'broker'], emailByDefault: true },
  { kind: 'deal.stage_changed', label: '对接项目阶段变更', roles: [...ORG, 'broker'], emailByDefault: false },
  { kind: 'deal.dormant', label: '对接项目进入休眠', roles: [...ORG, 'broker'], emailByDefault: false },
  { kind: 'deal.next_step_due', label: '对接项目跟进到期提醒', roles: [...ORG, 'broker', 'operator'], emailByDefault: true },
  { kind: 'policy.redemption_matched', label: '免申即享：符合政策条件', roles: ORG, emailByDefault: true },
  { kind: 'policy.redemption_decided', label: '免申即享：单位已确认或谢绝', roles: ['operator'], emailByDefault: false },
] as const satisfies readonly NotificationKindInfo[];

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]['kind'];
export const NOTIFICATION_KIND_CODES = NOTIFICATION_KINDS.map((k) => k.kind) as [NotificationKind, ...NotificationKind[]];

const byKind = new Map<string, NotificationKindInfo>(NOTIFICATION_KINDS.map((k) => [k.kind, k]));
export const notificationKindInfo = (kind: string): NotificationKindInfo | undefined => byKind.get(kind);

/** Email by default for this kind, as the subscribers pass it to `notifyUsers`. */
export const emailByDefault = (kind: NotificationKind): boolean => byKind.get(kind)!.emailByDefault;

/** The Chinese label of a kind; an unknown one (older rows) reads as a system notification. */
export const notificationKindLabel = (kind: string): string => byKind.get(kind)?.label ?? '系统通知';

/** The kinds someone with these roles can receive, in catalogue order. */
export const notificationKindsFor = (roles: readonly string[]): NotificationKindInfo[] =>
  NOTIFICATION_KINDS.filter((k) => k.roles.some((r) => roles.includes(r)));
