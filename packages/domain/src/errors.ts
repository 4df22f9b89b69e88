import type { ErrorCode } from './error-codes.js';

/**
 * A failure the caller can act on. `code` is a stable English identifier used by the
 * API and the web app; `message` is Chinese, for people.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number = 400,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what}不存在或无权访问`, 404);
export const forbidden = (message = '无权执行此操作') => new DomainError('FORBIDDEN', message, 403);
