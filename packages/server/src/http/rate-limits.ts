/**
 * Per-user limits on the endpoints whose CPU cost a caller can multiply: one account must not be
 * able to keep the event loop busy for everybody else. The store is per process (in memory):
 * behind a load balancer each process counts on its own.
 */
import type { RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { AppConfig, HeavyEndpoint } from '@scenebridge/app/config';

/**
 * Requests per minute. The web app calls the quality check and the classifier once the form has
 * been still for 800 ms, so a person typing stays well below 30; a page of search or matches is
 * one request per click.
 */
export const HEAVY_LIMITS_PER_MINUTE = {
  qualityCheck: 30,
  classify: 30,
  search: 120,
  matches: 60,
  duplicateClusters: 10,
  imports: 10,
} as const satisfies Record<HeavyEndpoint, number>;
export type { HeavyEndpoint };

/**
 * The signed-in user, else the address. The route's rate-limit hook runs in onRequest after the
 * app-wide onRequest hooks (route hooks come last), so request.actor is already resolved here.
 */
export function rateLimitKey(request: FastifyRequest): string {
  return request.actor ? `user:${request.actor.userId}` : `ip:${request.ip}`;
}

/** Route `config` for a heavy endpoint; a limit of 0 in the config turns it off (benchmarks). */
export function heavyRateLimit(config: AppConfig, endpoint: HeavyEndpoint): { rateLimit?: RateLimitOptions } {
  const max = config.heavyRateLimits?.[endpoint] ?? HEAVY_LIMITS_PER_MINUTE[endpoint];
  if (max <= 0) return {};
  return { rateLimit: { max, timeWindow: 60_000, keyGenerator: rateLimitKey } };
}
