/** 公示 and 异议: what the API answers. Input rules live in the domain (publicity schemas). */
import { OBJECTION_STATES, PUBLICITY_STATES, PUBLICITY_SUBJECT_KINDS, publicityMachine } from '@scenebridge/domain';
import { z } from 'zod';
import { isoDateTime, pageOf } from '../common/index.js';

export const objectionCounts = z.object({ pending: z.number().int(), dismissed: z.number().int(), upheld: z.number().int() });

export const publicityItem = z.object({
  id: z.string(),
  seq: z.number().int(),
  subjectItemId: z.string(),
  name: z.string(),
  organizationName: z.string(),
  /** `revoked`: an objection against it was upheld; it is not on the final list. */
  status: z.enum(['listed', 'revoked']),
  revokedReason: z.string().nullable(),
  revokedAt: isoDateTime.nullable(),
  /** How many objections against it and their outcome — never who lodged them. */
  objections: objectionCounts,
});

export const publicityDetail = z.object({
  id: z.string(),
  subjectKind: z.enum(PUBLICITY_SUBJECT_KINDS),
  subjectId: z.string(),
  title: z.string(),
  workingDays: z.number().int(),
  status: z.enum(PUBLICITY_STATES),
  statusReason: z.string().nullable(),
  startedAt: isoDateTime.nullable(),
  /** 24:00 Asia/Shanghai of the last working day; objections are accepted before this instant. */
  endsAt: isoDateTime.nullable(),
  /** The last working day (YYYY-MM-DD, Shanghai). */
  lastDay: z.string().nullable(),
  endedAt: isoDateTime.nullable(),
  finalizedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  /** Running and inside [startedAt, endsAt) by the server's clock. */
  windowOpen: z.boolean(),
  /** 距公示结束还有 N 个工作日 (today counted when it is a working day); null unless running. */
  workingDaysLeft: z.number().int().nullable(),
  items: z.array(publicityItem),
  objections: objectionCounts,
  /** Machine moves the caller may take (operators: start, cancel). */
  allowedActions: z.array(z.enum(publicityMachine.transitions.map((t) => t.action))),
  /** The caller may lodge an objection now. */
  canObject: z.boolean(),
});
export type PublicityDetail = z.infer<typeof publicityDetail>;
export const publicityPage = pageOf(publicityDetail);
export type PublicityPage = z.infer<typeof publicityPage>;

/** An objection, for operators (every one) and for the organisation that lodged it (its own). */
export const objectionDto = z.object({
  id: z.string(),
  publicityId: z.string(),
  publicityTitle: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  organizationName: z.string(),
  lodgedByName: z.string(),
  reasons: z.string(),
  evidence: z.array(z.object({ title: z.string(), url: z.string() })),
  contact: z.string(),
  status: z.enum(OBJECTION_STATES),
  decisionReason: z.string().nullable(),
  decidedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});
export type ObjectionDto = z.infer<typeof objectionDto>;
export const objectionList = z.object({ items: z.array(objectionDto) });
export type ObjectionList = z.infer<typeof objectionList>;

export * from './labels.js';
export * from './lifecycle.js';
