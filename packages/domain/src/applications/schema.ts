/**
 * A 揭榜 application as its lead organisation writes it, checked at the boundary with a Chinese
 * message per field; then against its challenge (`checkApplicationAgainstChallenge`): the quote
 * within the reward, one planned date per milestone. Nothing is moved into range.
 */
import { z } from 'zod';
import { DomainError } from '../errors.js';
import { MAX_CONSORTIUM_MEMBERS } from '../lifecycles.js';
import { textTooLong, textTooShort } from '../field-rules.js';
import { phoneSchema } from '../schemas.js';
import { hasHiddenFormatCharacters } from '../text-safety.js';

export const APPLICATION_TEXT_LIMITS = {
  plan: [20, 10000],
  leaderName: [2, 30],
  leaderTitle: [2, 50],
} as const;

const text = ([min, max]: readonly [number, number], label: string) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(min, textTooShort(label, min))
    .max(max, textTooLong(label, max))
    .refine((v) => !hasHiddenFormatCharacters(v), `${label}含有不可见字符或文字方向控制符，请删除后重试`);

export const teamLeaderSchema = z.object({
  name: text(APPLICATION_TEXT_LIMITS.leaderName, '团队负责人姓名'),
  title: text(APPLICATION_TEXT_LIMITS.leaderTitle, '团队负责人职务/职称'),
  phone: phoneSchema,
});

export const scheduleEntrySchema = z.object({
  /** The planned completion date of the challenge's milestone at the same position. */
  plannedDate: z.iso.date({ message: '计划完成日期格式应为 YYYY-MM-DD' }),
});

export const applicationContentSchema = z.object({
  plan: text(APPLICATION_TEXT_LIMITS.plan, '实施方案'),
  teamLeader: teamLeaderSchema,
  /** 分, an integer, at most the challenge's reward (checked against the challenge). */
  quoteFen: z.number({ message: '报价应为整数（分）' }).int('报价应为整数（分）').positive('报价须大于0'),
  /** One entry per challenge milestone, in the milestones' order. */
  schedule: z.array(scheduleEntrySchema).max(12, '进度计划最多12项'),
  /** Consortium members besides the lead: approved organisations, each once. */
  memberOrganizationIds: z
    .array(z.uuid({ message: '联合体成员单位编号不正确' }))
    .max(MAX_CONSORTIUM_MEMBERS, `联合体成员单位最多${MAX_CONSORTIUM_MEMBERS}家（不含牵头单位）`)
    .refine((ids) => new Set(ids).size === ids.length, '联合体成员单位不能重复')
    .default([]),
});
export type ApplicationContent = z.infer<typeof applicationContentSchema>;
export type ApplicationContentRaw = z.input<typeof applicationContentSchema>;

export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * What the challenge decides about an application's content: the quote within the reward, and one
 * planned date per milestone, in order, none before today (Shanghai date `today`).
 */
export function applicationProblems(
  input: Pick<ApplicationContent, 'quoteFen' | 'schedule'>,
  challenge: { rewardFen: number; milestoneCount: number },
  today: string,
): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (input.quoteFen > challenge.rewardFen) out.push({ path: 'quoteFen', message: '报价不能超过榜单金额' });
  if (input.schedule.length !== challenge.milestoneCount) {
    out.push({ path: 'schedule', message: `进度计划应为每个里程碑各填一个计划完成日期（共${challenge.milestoneCount}项）` });
  } else {
    input.schedule.forEach((s, i) => {
      if (s.plannedDate < today) out.push({ path: `schedule.${i}.plannedDate`, message: '计划完成日期不能早于今天' });
      else if (i > 0 && s.plannedDate < input.schedule[i - 1]!.plannedDate) {
        out.push({ path: `schedule.${i}.plannedDate`, message: '各里程碑的计划完成日期应按顺序不早于前一项' });
      }
    });
  }
  return out;
}

export function assertApplicationFits(...args: Parameters<typeof applicationProblems>): void {
  const problems = applicationProblems(...args);
  if (problems.length) throw new DomainError('VALIDATION_FAILED', problems[0]!.message, 400, problems);
}

/** A consortium member's place: invited by the lead, then confirmed or declined by the member's admin. */
export const CONSORTIUM_MEMBER_STATES = ['invited', 'confirmed', 'declined'] as const;
export type ConsortiumMemberState = (typeof CONSORTIUM_MEMBER_STATES)[number];

export const membershipDecisionSchema = z.object({
  decision: z.enum(['confirm', 'decline'], { message: '请选择确认或拒绝' }),
  reason: z.string().trim().max(1000, textTooLong('原因', 1000)).optional(),
});
export type MembershipDecision = z.infer<typeof membershipDecisionSchema>;
