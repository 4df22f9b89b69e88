/**
 * Who may do what with a 中榜 task agreement (docs/challenges.md, "Delivery, acceptance and
 * payments"). Operators see and manage every award. The challenge owner's users see its awards,
 * start the agreement and record the owner's acceptance opinion. The winner's participants (the
 * lead and confirmed consortium members) see it; the lead's users alone deliver. An expert
 * assigned to one of its milestones sees it. Anyone else is told it does not exist (404).
 * The rules are about who; what state allows it (active, in order, 赛马) the use cases check.
 */
import { isOperator, isOrgUser } from '../context.js';
import { definePolicy, type Rule } from '../shared/index.js';

export interface AwardAccess {
  status: string;
  /** The lead organisation (the winner of record). */
  organizationId: string;
  ownerOrganizationId: string;
  participantOrganizationIds: readonly string[];
  /** The caller is an expert assigned to one of its milestones. */
  callerIsExpert: boolean;
  mode: string;
}

const ofOrganization =
  (pick: (r: AwardAccess) => readonly string[]): Rule<AwardAccess> =>
  (a, r) =>
    isOrgUser(a) && pick(r).includes(a!.organizationId);
const owner = ofOrganization((r) => [r.ownerOrganizationId]);
const lead = ofOrganization((r) => [r.organizationId]);
const participant = ofOrganization((r) => r.participantOrganizationIds);

export type AwardAction = 'start' | 'deliver' | 'assignAcceptors' | 'recordOwnerOpinion' | 'recordExpertOpinion' | 'pay' | 'eliminate';

export const awardPolicy = definePolicy<AwardAccess, AwardAction>('任务书', {
  view: (a, r) => isOperator(a) || owner(a, r) || participant(a, r) || lead(a, r) || (r.callerIsExpert && !!a),
  start: (a, r) => isOperator(a) || owner(a, r),
  deliver: lead,
  assignAcceptors: (a) => isOperator(a),
  recordOwnerOpinion: owner,
  recordExpertOpinion: (a, r) => r.callerIsExpert && !!a,
  pay: (a) => isOperator(a),
  eliminate: (a) => isOperator(a),
});
