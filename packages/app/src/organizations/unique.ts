import { DomainError } from '@scenebridge/domain';

export const creditCodeTaken = () => new DomainError('CREDIT_CODE_TAKEN', '该统一社会信用代码已注册', 409);
export const emailTaken = () => new DomainError('EMAIL_TAKEN', '该邮箱已注册', 409);

/** Unique violations raced past our checks still become the same clear error. */
export function translateUniqueViolation(e: unknown): never {
  const err = e as { code?: string; cause?: { code?: string; constraint?: string }; constraint?: string };
  const code = err.code ?? err.cause?.code;
  const constraint = err.constraint ?? err.cause?.constraint ?? '';
  if (code === '23505' && constraint.includes('credit_code')) throw creditCodeTaken();
  if (code === '23505' && constraint.includes('email')) throw emailTaken();
  throw e;
}
