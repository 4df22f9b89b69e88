/**
 * Notifications are every signed-in user's own, whatever the role: each sees and marks only
 * those addressed to them, and another's does not exist for them (404). The lists and updates
 * are set-based, so the rule reaches the repository as the filter `recipientOf` gives.
 */
import type { NotificationRow } from '@scenebridge/db';
import type { Actor } from '../context.js';
import { definePolicy, requireActor, type Rule } from '../shared/index.js';

type Addressed = Pick<NotificationRow, 'userId'>;
const addressee: Rule<Addressed> = (a, n) => !!a && a.userId === n.userId;

export const notificationPolicy = definePolicy<Addressed, 'markRead'>('通知', {
  view: addressee,
  markRead: addressee,
});

/** The user whose notifications the actor may see and mark: their own (401 without a session). */
export const recipientOf = (actor: Actor | null): string => requireActor(actor).userId;
