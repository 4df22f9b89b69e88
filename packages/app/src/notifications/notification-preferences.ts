import { listNotificationPreferences, putNotificationPreferences } from '@scenebridge/db';
import { notificationKindLabel, notificationKindsFor, type NotificationKind } from '@scenebridge/contract/notifications/labels';
import { DomainError } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { recipientOf } from './policy.js';

export interface PreferenceChoice {
  kind: NotificationKind;
  inApp: boolean;
  email: boolean;
}

/** Every kind the actor's roles can receive, with their choice or the kind's defaults. */
export async function getMyNotificationPreferences({ services, actor }: { services: Services; actor: Actor | null }) {
  const userId = recipientOf(actor);
  const chosen = new Map((await listNotificationPreferences(services.db, userId)).map((p) => [p.kind, p]));
  return {
    items: notificationKindsFor(actor!.roles).map((k) => {
      const c = chosen.get(k.kind);
      return { kind: k.kind as NotificationKind, inApp: c?.inApp ?? true, email: c?.email ?? k.emailByDefault };
    }),
  };
}

/**
 * Stores the actor's choices for the kinds given; the others keep theirs. A kind the actor's
 * roles never receive is refused rather than stored unseen. A personal setting,
 * not a change to any shared object, so it records no event (and no audit entry).
 */
export async function updateMyNotificationPreferences({
  services,
  actor,
  items,
}: {
  services: Services;
  actor: Actor | null;
  items: PreferenceChoice[];
}) {
  const userId = recipientOf(actor);
  const mine = new Set(notificationKindsFor(actor!.roles).map((k) => k.kind));
  const foreign = items.map((item, i) => ({ item, i })).filter(({ item }) => !mine.has(item.kind));
  if (foreign.length > 0) {
    const message = `您的角色不会收到这类通知：${foreign.map(({ item }) => notificationKindLabel(item.kind)).join('、')}`;
    throw new DomainError(
      'VALIDATION_FAILED',
      message,
      400,
      foreign.map(({ i }) => ({ path: `items.${i}.kind`, message: '您的角色不会收到这类通知' })),
    );
  }
  await putNotificationPreferences(services.db, userId, items, services.now());
  return getMyNotificationPreferences({ services, actor });
}
