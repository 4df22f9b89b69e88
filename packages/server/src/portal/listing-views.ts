/**
 * The portal's part of the dashboard's listing views (docs/dashboard.md): a served entry page
 * counts one view of its listing, once per visitor per day (the app keeps no personal data). Fire
 * and forget: the page never waits for the count, and a failure is only logged.
 */
import type { FastifyRequest } from 'fastify';
import type { Services } from '@scenebridge/app/context';
import { recordListingView } from '@scenebridge/app/dashboard';

export function countListingView(services: Services, request: FastifyRequest, submissionId: string): void {
  const userAgent = String(request.headers['user-agent'] ?? '');
  recordListingView({ services, submissionId, ip: request.ip, userAgent }).catch((err: unknown) => {
    request.log.warn({ err, submissionId }, 'listing view not counted');
  });
}
