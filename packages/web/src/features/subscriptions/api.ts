/** Subscriptions (订阅): the part of /api/v1 this feature calls. */
import { del, enc, get, patch, post } from '../../shared/http';
import type { Subscription, SubscriptionHitPage, SubscriptionInput, SubscriptionList } from '../../shared/types';

/** TanStack Query keys: everything this feature caches starts with ['subscriptions']. */
export const subscriptionsKeys = {
  all: ['subscriptions'] as const,
  list: ['subscriptions', 'list'] as const,
  detail: (id: string) => ['subscriptions', 'detail', id] as const,
  hits: (id: string, page: number) => ['subscriptions', 'hits', id, page] as const,
};

export const subscriptionsApi = {
  subscriptions: async () => {
    return (await get<SubscriptionList>('/subscriptions')).items;
  },
  createSubscription: (input: SubscriptionInput) => post<Subscription>('/subscriptions', input),
  updateSubscription: (id: string, changes: Partial<Pick<Subscription, 'name' | 'frequency' | 'emailEnabled' | 'active'>>) =>
    patch<Subscription>(`/subscriptions/${enc(id)}`, changes),
  deleteSubscription: (id: string) => del<void>(`/subscriptions/${enc(id)}`),
  subscription: (id: string) => get<Subscription>(`/subscriptions/${enc(id)}`),
  subscriptionHits: (id: string, page: number) => get<SubscriptionHitPage>(`/subscriptions/${enc(id)}/hits`, { page, pageSize: 20 }),
};
