import { DomainError, type ErrorCode } from '@scenebridge/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '@scenebridge/app/context';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('UNAUTHENTICATED', '请先登录', 401);
  return request.actor;
}

export const idParams = z.object({ id: z.uuid('编号格式不正确') });
export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};
export const transitionBody = z.object({
  action: z.string().min(1).max(40),
  reason: z.string().trim().max(1000).optional(),
});

export function sendError(reply: FastifyReply, status: number, code: ErrorCode, message: string, details?: unknown) {
  return reply.status(status).send({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}
