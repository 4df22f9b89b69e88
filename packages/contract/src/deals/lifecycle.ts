/** The deal stage and activity lifecycles' public part (zod-free). */
import {
  DEAL_ACTIVITY_STATES,
  DEAL_STATES,
  dealActivityMachine,
  dealMachine,
  INTEREST_STATES,
  interestMachine,
  isDealOpen,
} from '@scenebridge/domain/lifecycles';
import { DEAL_ACTIVITY_KINDS, DEAL_SOURCES, DEAL_STAGE_ACTIONS } from '@scenebridge/domain/deals/vocabulary';
import { publicLifecycle } from '../common/lifecycle.js';

export const dealLifecycle = publicLifecycle(dealMachine);
export const dealActivityLifecycle = publicLifecycle(dealActivityMachine);
export const interestLifecycle = publicLifecycle(interestMachine);
/** What a deal's `allowedActions` may hold: the stage moves, and `wake` for a dormant deal. */
export const DEAL_ACTIONS = [...DEAL_STAGE_ACTIONS, 'wake'] as const;
export type DealActionName = (typeof DEAL_ACTIONS)[number];
/** The Kanban columns, in order (declined is the last column). */
export const DEAL_BOARD_STAGES = DEAL_STATES;
/**
 * The stage a card dropped on `to` asks for, from `from`: the machine's action, or null when no
 * single action leads there (the server refuses such a move anyway).
 */
export function dealActionForMove(from: string, to: string): (typeof DEAL_STAGE_ACTIONS)[number] | null {
  const t = dealMachine.transitions.find((x) => x.to === to && (x.from as readonly string[]).includes(from));
  return t ? t.action : null;
}
export { DEAL_STATES, DEAL_ACTIVITY_STATES, DEAL_SOURCES, DEAL_ACTIVITY_KINDS, DEAL_STAGE_ACTIONS, INTEREST_STATES, isDealOpen };
export type { DealState, DealActivityState, DealAction, InterestState } from '@scenebridge/domain/lifecycles';
export type { DealSource, DealActivityKind, DealStageAction } from '@scenebridge/domain/deals/vocabulary';
