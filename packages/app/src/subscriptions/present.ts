import type { SubscriptionRow } from '@scenebridge/db';

export function presentSubscription(s: SubscriptionRow, pendingHits = 0) {
  return {
    id: s.id,
    kind: s.kind,
    name: s.name,
    query: s.query,
    frequency: s.frequency,
    emailEnabled: s.emailEnabled,
    active: s.unsubscribedAt === null,
    createdAt: s.createdAt,
    unsubscribedAt: s.unsubscribedAt,
    lastDigestAt: s.lastDigestAt,
    pendingHits,
  };
}
