import { defineMachine } from './state-machine.js';

export const ORGANIZATION_STATES = ['pending', 'approved', 'rejected'] as const;
export type OrganizationState = (typeof ORGANIZATION_STATES)[number];
export const organizationMachine = defineMachine({
  name: 'organization',
  states: ORGANIZATION_STATES,
  transitions: [
    { action: 'approve', from: ['pending'], to: 'approved', by: ['operator'] },
    { action: 'reject', from: ['pending'], to: 'rejected', by: ['operator'], reasonRequired: true },
    { action: 'reapply', from: ['rejected'], to: 'pending', by: ['owner'] },
  ],
});

/**
 * A call opens either at once (`open`) or on its opening time (`schedule`, then the clock).
 * `scheduled` is our addition to the product's draft → open, so an operator can prepare a
 * call ahead and let the clock open it.
 */
export const CALL_STATES = ['draft', 'scheduled', 'open', 'closed', 'reviewing', 'results_published', 'cancelled'] as const;
export type CallState = (typeof CALL_STATES)[number];
export const callMachine = defineMachine({
  name: 'call',
  states: CALL_STATES,
  transitions: [
    { action: 'schedule', from: ['draft'], to: 'scheduled', by: ['operator'] },
    { action: 'unschedule', from: ['scheduled'], to: 'draft', by: ['operator'] },
    { action: 'open', from: ['draft', 'scheduled'], to: 'open', by: ['operator', 'system'] },
    { action: 'close', from: ['open'], to: 'closed', by: ['operator', 'system'] },
    { action: 'start_review', from: ['closed'], to: 'reviewing', by: ['operator'] },
    { action: 'publish_results', from: ['reviewing'], to: 'results_published', by: ['operator'] },
    { action: 'cancel', from: ['draft', 'scheduled'], to: 'cancelled', by: ['operator'], reasonRequired: true },
  ],
});

/*
 * Call-status rules the use cases share, written once here. Each is a named rule, not a
 * convenience: two lists that happen to hold the same states stay apart when they mean
 * different things.
 */
const inStates =
  <S extends string>(states: readonly S[]) =>
  (status: string): status is S =>
    (states as readonly string[]).includes(status);
const fromStatesOf = (action: (typeof callMachine.transitions)[number]['action']) =>
  callMachine.transitions.find((t) => t.action === action)!.from;

/** Drafts and cancelled calls exist only for the operator: organisations and the public get 404. */
export const CALL_STATES_HIDDEN_FROM_ORGANISATIONS = ['draft', 'cancelled'] as const satisfies readonly CallState[];
export const CALL_STATES_VISIBLE_TO_ORGANISATIONS: readonly CallState[] = CALL_STATES.filter(
  (s) => !(CALL_STATES_HIDDEN_FROM_ORGANISATIONS as readonly string[]).includes(s),
);
export const isCallVisibleToOrganisations = inStates(CALL_STATES_VISIBLE_TO_ORGANISATIONS);
/** Title, window and scheme may change only while the call can still be opened (draft or scheduled). */
export const isCallEditable = inStates(fromStatesOf('open'));
/** Organisations may start drafts once a call is announced (scheduled) and while it is open. */
export const callAcceptsDrafts = inStates(['scheduled', 'open'] as const satisfies readonly CallState[]);
/** Operators key in paper forms from opening until review ends, also after the window. */
export const callAcceptsImportsByOperator = inStates(['open', 'closed', 'reviewing'] as const satisfies readonly CallState[]);
/** Reviewers are assigned and score, and returned items may be resubmitted, only in this state. */
export const isCallInReview = (status: string): status is 'reviewing' => status === 'reviewing';

/** Scenario needs and capabilities share the collection part of the lifecycle. */
export const SUBMISSION_STATES = [
  'draft',
  'submitted',
  'in_review',
  'selected',
  'rejected',
  'returned_for_revision',
  'published',
  'matching',
  'awarded',
  'in_delivery',
  'accepted',
  'benchmark_case',
  'withdrawn',
  'expired',
  'merged',
  'discarded',
] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];
/** The owner may change the content (fields and attachments) only before it is submitted or after it is returned. */
export const SUBMISSION_EDITABLE_STATES = ['draft', 'returned_for_revision'] as const satisfies readonly SubmissionState[];
export const isSubmissionEditable = (status: string): status is (typeof SUBMISSION_EDITABLE_STATES)[number] =>
  (SUBMISSION_EDITABLE_STATES as readonly string[]).includes(status);
const OPEN_SUBMISSION_STATES = ['draft', 'submitted', 'in_review', 'returned_for_revision', 'selected', 'published', 'matching'] as const;
export const submissionMachine = defineMachine({
  name: 'submission',
  states: SUBMISSION_STATES,
  transitions: [
    { action: 'submit', from: ['draft'], to: 'submitted', by: ['owner'] },
    { action: 'resubmit', from: ['returned_for_revision'], to: 'submitted', by: ['owner'] },
    // A draft was never sent: its owner deletes it (删除草稿) rather than withdrawing it. It stays
    // as a row, so the audit trail keeps what it names, but leaves the owner's list.
    { action: 'discard', from: ['draft'], to: 'discarded', by: ['owner'] },
    { action: 'withdraw', from: ['submitted', 'returned_for_revision'], to: 'withdrawn', by: ['owner'] },
    {
      action: 'return_for_revision',
      from: ['submitted', 'in_review'],
      to: 'returned_for_revision',
      by: ['operator'],
      reasonRequired: true,
    },
    { action: 'start_review', from: ['submitted'], to: 'in_review', by: ['operator', 'system'] },
    { action: 'select', from: ['in_review'], to: 'selected', by: ['operator'] },
    { action: 'reject', from: ['in_review', 'submitted'], to: 'rejected', by: ['operator'], reasonRequired: true },
    // An objection upheld during the call's 公示 (docs/publicity.md) takes the item out of the selection.
    // Not a user action: only the objection decision takes it.
    { action: 'revoke_selection', from: ['selected'], to: 'rejected', by: ['operator'], reasonRequired: true },
    { action: 'publish', from: ['selected'], to: 'published', by: ['operator', 'system'] },
    { action: 'start_matching', from: ['published'], to: 'matching', by: ['operator', 'broker', 'system'] },
    // A challenge (or, later, a deal) on the need decides these; 'system' is that decision's follow-on.
    { action: 'award', from: ['matching', 'published'], to: 'awarded', by: ['operator', 'system'] },
    { action: 'start_delivery', from: ['awarded'], to: 'in_delivery', by: ['operator', 'owner', 'system'] },
    { action: 'accept', from: ['in_delivery'], to: 'accepted', by: ['operator', 'system'] },
    { action: 'promote_benchmark', from: ['accepted'], to: 'benchmark_case', by: ['operator'] },
    { action: 'expire', from: OPEN_SUBMISSION_STATES, to: 'expired', by: ['system'] },
    // A near-duplicate of another item, folded into it by the operator before publication.
    {
      action: 'merge',
      from: ['submitted', 'in_review', 'returned_for_revision', 'selected'],
      to: 'merged',
      by: ['operator'],
      reasonRequired: true,
    },
  ],
});

/**
 * 揭榜挂帅 challenges (docs/challenges.md has the diagram). The owner (the posting organisation)
 * drafts and submits for review; the operator approves (open) or returns it with a reason.
 * Editing an open challenge (`revise`, with a summary of what changed for the applicants) sends
 * it back to review. The clock (or the operator) closes it at the application deadline.
 * From `closed` on the states are the next increment's (review, 公示, award, milestones); they
 * are here so the machine is whole, and `terminate` (with a reason) ends any live challenge.
 */
export const CHALLENGE_STATES = [
  'draft',
  'pending_review',
  'open',
  'closed',
  'under_review',
  'publicity',
  'awarded',
  'in_milestones',
  'completed',
  'terminated',
] as const;
export type ChallengeState = (typeof CHALLENGE_STATES)[number];
export const challengeMachine = defineMachine({
  name: 'challenge',
  states: CHALLENGE_STATES,
  transitions: [
    { action: 'submit_for_review', from: ['draft'], to: 'pending_review', by: ['owner'] },
    { action: 'approve', from: ['pending_review'], to: 'open', by: ['operator'] },
    { action: 'return', from: ['pending_review'], to: 'draft', by: ['operator'], reasonRequired: true },
    // The owner edits an open challenge: it leaves the public list until approved again; the reason is the change note.
    { action: 'revise', from: ['open'], to: 'pending_review', by: ['owner'], reasonRequired: true },
    { action: 'close', from: ['open'], to: 'closed', by: ['operator', 'system'] },
    { action: 'start_review', from: ['closed'], to: 'under_review', by: ['operator'] },
    { action: 'start_publicity', from: ['under_review'], to: 'publicity', by: ['operator'] },
    // Back to review: the operator's call, or the system's when the 公示 ended with every proposal revoked.
    { action: 'reopen_review', from: ['publicity'], to: 'under_review', by: ['operator', 'system'], reasonRequired: true },
    { action: 'award', from: ['publicity'], to: 'awarded', by: ['operator', 'system'] },
    { action: 'start_milestones', from: ['awarded'], to: 'in_milestones', by: ['operator', 'owner'] },
    { action: 'complete', from: ['in_milestones'], to: 'completed', by: ['operator', 'system'] },
    {
      action: 'terminate',
      from: ['pending_review', 'open', 'closed', 'under_review', 'publicity', 'awarded', 'in_milestones'],
      to: 'terminated',
      by: ['operator'],
      reasonRequired: true,
    },
  ],
});
export type ChallengeAction = (typeof challengeMachine.transitions)[number]['action'];
/** Only the owner sees drafts; the operator sees them once submitted. Everyone sees a challenge from `open` on. */
export const CHALLENGE_STATES_PUBLIC = [
  'open',
  'closed',
  'under_review',
  'publicity',
  'awarded',
  'in_milestones',
  'completed',
  'terminated',
] as const satisfies readonly ChallengeState[];
export const isChallengePublic = (status: string): boolean => (CHALLENGE_STATES_PUBLIC as readonly string[]).includes(status);
/** The owner changes the content in a draft (saved as is) or while open (which sends it back to review). */
export const isChallengeEditable = (status: string): boolean => status === 'draft' || status === 'open';

/**
 * 揭榜 applications (docs/challenges.md, "Applications"). The lead organisation drafts it, its
 * consortium members confirm their places, and it submits before the challenge's application
 * deadline (server time); it may withdraw before the deadline. The operator shortlists or
 * refuses it with a reason; `award` comes from the 公示 step.
 */
/** At most K consortium members besides the lead (MIIT: 4). Here, zod-free, so the web reads it too. */
export const MAX_CONSORTIUM_MEMBERS = 4;
export const APPLICATION_STATES = ['draft', 'submitted', 'withdrawn', 'shortlisted', 'proposed', 'awarded', 'not_awarded'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];
export const applicationMachine = defineMachine({
  name: 'application',
  states: APPLICATION_STATES,
  transitions: [
    // Guards outside the machine: every member confirmed, eligibility passed (or overridden), before the deadline.
    { action: 'submit', from: ['draft'], to: 'submitted', by: ['owner'] },
    // Before the deadline only (checked by the use case against the server's clock).
    { action: 'withdraw', from: ['draft', 'submitted'], to: 'withdrawn', by: ['owner'] },
    { action: 'shortlist', from: ['submitted'], to: 'shortlisted', by: ['operator'] },
    // Proposed winner (拟中榜): what the challenge's 公示 lists. Taken back only before the 公示 starts.
    { action: 'propose', from: ['shortlisted'], to: 'proposed', by: ['operator'] },
    { action: 'unpropose', from: ['proposed'], to: 'shortlisted', by: ['operator'] },
    // The 公示 became final with this application still listed.
    { action: 'award', from: ['proposed'], to: 'awarded', by: ['system'] },
    // An objection upheld during the 公示: not a user action, only the objection decision takes it.
    { action: 'revoke_proposal', from: ['proposed'], to: 'not_awarded', by: ['operator'], reasonRequired: true },
    // The operator refuses it; the system closes the rest when the award becomes final.
    {
      action: 'not_award',
      from: ['submitted', 'shortlisted'],
      to: 'not_awarded',
      by: ['operator', 'system'],
      reasonRequired: true,
    },
  ],
});
export type ApplicationAction = (typeof applicationMachine.transitions)[number]['action'];

/**
 * 对接项目 (docs/deals.md). A deal starts `suggested` (a broker or operator proposes a pair) or
 * `intent` (an interest the other side accepted, or a challenge award). `owner` is either party
 * of the deal (the demand side or the supply side); `broker` is the deal's broker.
 * Signing is the parties' or the broker's act; the registered contract comes after it.
 */
export const DEAL_STATES = ['suggested', 'intent', 'meeting', 'negotiating', 'signed', 'declined'] as const;
export type DealState = (typeof DEAL_STATES)[number];
export const dealMachine = defineMachine({
  name: 'deal',
  states: DEAL_STATES,
  transitions: [
    { action: 'express_intent', from: ['suggested'], to: 'intent', by: ['owner', 'broker', 'operator'] },
    { action: 'schedule_meeting', from: ['intent'], to: 'meeting', by: ['broker', 'operator', 'owner'] },
    { action: 'negotiate', from: ['meeting'], to: 'negotiating', by: ['broker', 'owner', 'operator'] },
    { action: 'sign', from: ['negotiating'], to: 'signed', by: ['broker', 'operator', 'owner'] },
    {
      action: 'decline',
      from: ['suggested', 'intent', 'meeting', 'negotiating'],
      to: 'declined',
      by: ['owner', 'broker', 'operator'],
      reasonRequired: true,
    },
  ],
});
export type DealAction = (typeof dealMachine.transitions)[number]['action'];
export const isDealOpen = (status: string): boolean => status !== 'signed' && status !== 'declined';

/**
 * An interest (意向) one side expressed on the other's listing: the recipient (the listing's
 * organisation) accepts it, which opens a deal, or declines it with a reason the sender reads.
 * Both are final: a declined pair can be proposed again as a new deal by a broker or operator.
 */
export const INTEREST_STATES = ['open', 'accepted', 'declined'] as const;
export type InterestState = (typeof INTEREST_STATES)[number];
export const interestMachine = defineMachine({
  name: 'interest',
  states: INTEREST_STATES,
  transitions: [
    { action: 'accept', from: ['open'], to: 'accepted', by: ['owner'] },
    { action: 'decline', from: ['open'], to: 'declined', by: ['owner'], reasonRequired: true },
  ],
});

/**
 * A deal's activity, apart from its stage: the clock marks an open deal `dormant` after N days
 * without activity (the `deals.dormant_after_days` setting); any new activity wakes it. Kept
 * as its own machine so a dormant deal keeps its stage on the Kanban board.
 */
export const DEAL_ACTIVITY_STATES = ['active', 'dormant'] as const;
export type DealActivityState = (typeof DEAL_ACTIVITY_STATES)[number];
export const dealActivityMachine = defineMachine({
  name: 'deal_activity',
  states: DEAL_ACTIVITY_STATES,
  transitions: [
    { action: 'go_dormant', from: ['active'], to: 'dormant', by: ['system'] },
    { action: 'wake', from: ['dormant'], to: 'active', by: ['owner', 'broker', 'operator', 'system'] },
  ],
});

/**
 * 技术合同登记 (docs/contracts.md): the seller side (`owner`) registers; a registrar (the
 * `registrar` role, or the operator) accepts (受理), registers (登记) or refuses (未予登记), or
 * returns it for correction (补正), which restarts the statutory clock on resubmission.
 * A change or cancellation (变更/注销) of a registered contract is a new version with its own
 * registration; registering it supersedes the version before (never an edit in place).
 */
export const CONTRACT_REGISTRATION_STATES = ['draft', 'submitted', 'accepted', 'returned', 'registered', 'refused', 'discarded'] as const;
export type ContractRegistrationState = (typeof CONTRACT_REGISTRATION_STATES)[number];
export const contractRegistrationMachine = defineMachine({
  name: 'contract_registration',
  states: CONTRACT_REGISTRATION_STATES,
  transitions: [
    { action: 'submit', from: ['draft'], to: 'submitted', by: ['owner'] },
    { action: 'resubmit', from: ['returned'], to: 'submitted', by: ['owner'] },
    { action: 'discard', from: ['draft'], to: 'discarded', by: ['owner'] },
    { action: 'accept', from: ['submitted'], to: 'accepted', by: ['registrar', 'operator'] },
    {
      action: 'return_for_correction',
      from: ['submitted', 'accepted'],
      to: 'returned',
      by: ['registrar', 'operator'],
      reasonRequired: true,
    },
    { action: 'register', from: ['accepted'], to: 'registered', by: ['registrar', 'operator', 'system'] },
    { action: 'refuse', from: ['submitted', 'accepted'], to: 'refused', by: ['registrar', 'operator'], reasonRequired: true },
  ],
});
export type ContractRegistrationAction = (typeof contractRegistrationMachine.transitions)[number]['action'];

/**
 * A reviewer's assignment on one item. Creation is not a transition (rows start `assigned`).
 * `withdrawn` is never stored: withdrawing an unscored assignment deletes its row, so the slot
 * can be given to the same reviewer again; the state exists so that rule is decided here.
 * A declared conflict is final: that reviewer is never assigned the item again.
 */
export const REVIEW_ASSIGNMENT_STATES = ['assigned', 'submitted', 'conflict_declared', 'withdrawn'] as const;
export type ReviewAssignmentState = (typeof REVIEW_ASSIGNMENT_STATES)[number];
export type StoredReviewAssignmentState = Exclude<ReviewAssignmentState, 'withdrawn'>;
export const reviewAssignmentMachine = defineMachine({
  name: 'review_assignment',
  states: REVIEW_ASSIGNMENT_STATES,
  transitions: [
    { action: 'save_scores', from: ['assigned'], to: 'assigned', by: ['reviewer'] },
    { action: 'submit_scores', from: ['assigned'], to: 'submitted', by: ['reviewer'] },
    { action: 'declare_conflict', from: ['assigned'], to: 'conflict_declared', by: ['reviewer'], reasonRequired: true },
    // The operator by hand, or the bulk assignment when a relation declared since breaks the rules.
    { action: 'withdraw', from: ['assigned'], to: 'withdrawn', by: ['operator'] },
    // The item was returned for revision and resubmitted during review: its scores are out of date.
    { action: 'reopen', from: ['submitted'], to: 'assigned', by: ['system'] },
  ],
});
export type ReviewAssignmentAction = (typeof reviewAssignmentMachine.transitions)[number]['action'];

/**
 * 公示 (docs/publicity.md): a period in which publicised items (a call's selected items, later a
 * challenge's proposed winners) can be objected to. The operator starts it; the clock ends it at
 * 24:00 Shanghai of its last working day; it becomes final when it has ended and no objection is
 * pending (by the clock, or when the last pending objection is decided after the end). A draft
 * started by mistake may be cancelled.
 */
export const PUBLICITY_STATES = ['draft', 'running', 'ended', 'final', 'cancelled'] as const;
export type PublicityState = (typeof PUBLICITY_STATES)[number];
export const publicityMachine = defineMachine({
  name: 'publicity',
  states: PUBLICITY_STATES,
  transitions: [
    { action: 'start', from: ['draft'], to: 'running', by: ['operator'] },
    { action: 'cancel', from: ['draft'], to: 'cancelled', by: ['operator'], reasonRequired: true },
    { action: 'end', from: ['running'], to: 'ended', by: ['system'] },
    { action: 'finalize', from: ['ended'], to: 'final', by: ['system'] },
  ],
});
export type PublicityAction = (typeof publicityMachine.transitions)[number]['action'];
/** Everyone sees a publicity once started; a draft or a cancelled draft only the operator. */
export const PUBLICITY_STATES_PUBLIC = ['running', 'ended', 'final'] as const satisfies readonly PublicityState[];
export const isPublicityPublic = (status: string): boolean => (PUBLICITY_STATES_PUBLIC as readonly string[]).includes(status);

/** 异议 lodged during a 公示, decided by the operator with a reason. */
export const OBJECTION_STATES = ['pending', 'dismissed', 'upheld'] as const;
export type ObjectionState = (typeof OBJECTION_STATES)[number];
export const objectionMachine = defineMachine({
  name: 'objection',
  states: OBJECTION_STATES,
  transitions: [
    { action: 'dismiss', from: ['pending'], to: 'dismissed', by: ['operator'], reasonRequired: true },
    { action: 'uphold', from: ['pending'], to: 'upheld', by: ['operator'], reasonRequired: true },
  ],
});
export type ObjectionAction = (typeof objectionMachine.transitions)[number]['action'];

/**
 * 中榜 with its task agreement (docs/challenges.md, "Award and delivery"). Created `active` when
 * the challenge's 公示 is final; `completed` when its last milestone passed; in 赛马 the operator
 * eliminates (淘汰) a team at a checkpoint with a reason; terminating the challenge terminates
 * its live awards. Payments already made stay on record in every end state.
 */
export const AWARD_STATES = ['active', 'completed', 'eliminated', 'terminated'] as const;
export type AwardState = (typeof AWARD_STATES)[number];
export const awardMachine = defineMachine({
  name: 'award',
  states: AWARD_STATES,
  transitions: [
    { action: 'complete', from: ['active'], to: 'completed', by: ['system'] },
    { action: 'eliminate', from: ['active'], to: 'eliminated', by: ['operator'], reasonRequired: true },
    { action: 'terminate', from: ['active'], to: 'terminated', by: ['operator', 'system'], reasonRequired: true },
  ],
});
export type AwardAction = (typeof awardMachine.transitions)[number]['action'];

/**
 * A task-agreement milestone. The winner delivers; the acceptance (验收: the owner and k experts)
 * concludes it — by the system once every acceptor has recorded a verdict (domain
 * awards/acceptance.ts decides the outcome). A failed milestone is delivered again.
 */
export const MILESTONE_STATES = ['pending', 'submitted', 'passed', 'passed_with_conditions', 'failed'] as const;
export type MilestoneState = (typeof MILESTONE_STATES)[number];
export const milestoneMachine = defineMachine({
  name: 'milestone',
  states: MILESTONE_STATES,
  transitions: [
    { action: 'deliver', from: ['pending', 'failed'], to: 'submitted', by: ['owner'] },
    { action: 'pass', from: ['submitted'], to: 'passed', by: ['system'] },
    { action: 'pass_with_conditions', from: ['submitted'], to: 'passed_with_conditions', by: ['system'], reasonRequired: true },
    { action: 'fail', from: ['submitted'], to: 'failed', by: ['system'], reasonRequired: true },
  ],
});
export type MilestoneAction = (typeof milestoneMachine.transitions)[number]['action'];
export const isMilestonePassed = (status: string): boolean => status === 'passed' || status === 'passed_with_conditions';
