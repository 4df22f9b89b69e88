/**
 * The deal stages as the board shows them, and which move a drag between two columns means: the
 * contract's `dealActionForMove` (the deal machine's transition from the card's stage to the
 * column). Which of those the user may take now is the server's answer (`allowedActions`).
 */
import { DEAL_BOARD_STAGES, dealActionForMove, dealLifecycle, type DealState } from '@scenebridge/contract/deals/lifecycle';

export type Stage = DealState;
export const STAGES: readonly Stage[] = DEAL_BOARD_STAGES;
export const isStage = (s: string): s is Stage => (STAGES as readonly string[]).includes(s);

export const STAGE_COLORS: Record<Stage, string> = {
  suggested: 'default',
  intent: 'blue',
  meeting: 'cyan',
  negotiating: 'gold',
  signed: 'success',
  declined: 'red',
};

/** The action that moves a deal from `from` to `to`, or null when the machine has no such move. */
export const moveAction = (from: string, to: string): string | null => (from === to ? null : dealActionForMove(from, to));

/** The stage an action leads to (from any stage it may be taken in). */
export function targetOf(action: string): Stage | null {
  for (const from of STAGES) for (const to of STAGES) if (from !== to && dealActionForMove(from, to) === action) return to;
  return null;
}

/** The stage moves a user may take on a deal, in board order (what its 移动到… menu lists). */
export function moveTargets(allowedActions: readonly string[]): Array<{ action: string; to: Stage }> {
  const out: Array<{ action: string; to: Stage }> = [];
  for (const action of allowedActions) {
    const to = targetOf(action);
    if (to) out.push({ action, to });
  }
  return out.sort((a, b) => STAGES.indexOf(a.to) - STAGES.indexOf(b.to));
}

export type MoveVerdict =
  { kind: 'same' } | { kind: 'illegal' } | { kind: 'not_allowed'; action: string } | { kind: 'move'; action: string; needsReason: boolean };

/** What dropping a card of stage `from` on column `to` does. */
export function judgeMove(from: string, to: string, allowedActions: readonly string[]): MoveVerdict {
  if (from === to) return { kind: 'same' };
  const action = moveAction(from, to);
  if (!action) return { kind: 'illegal' };
  if (!allowedActions.includes(action)) return { kind: 'not_allowed', action };
  return { kind: 'move', action, needsReason: dealLifecycle.needsReason(action) };
}
