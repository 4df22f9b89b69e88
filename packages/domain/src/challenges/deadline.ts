import { DomainError } from '../errors.js';

export const DEADLINE_MUST_BE_FUTURE = '申报截止时间须晚于当前时间';

/**
 * The application deadline must lie ahead of the server's clock when the challenge is saved,
 * sent for review and approved. Refused as a field error (400 VALIDATION_FAILED naming
 * `applicationDeadline`), like any other bad value.
 */
export function assertDeadlineAhead(deadline: Date | string, now: Date): void {
  const at = typeof deadline === 'string' ? Date.parse(deadline) : deadline.getTime();
  if (!(at > now.getTime())) {
    throw new DomainError('VALIDATION_FAILED', DEADLINE_MUST_BE_FUTURE, 400, [
      { path: 'applicationDeadline', message: DEADLINE_MUST_BE_FUTURE },
    ]);
  }
}
