/**
 * The rules of the form fields that the server's zod schemas apply (packages/domain/src/schemas.ts
 * reads the same constants): lengths, the phone pattern, the credit-code check, the password's
 * length and character classes. Zod-free, so a form does not load the schemas to check a field;
 * what only the server can check (a guessable password, a known region) stays on the server.
 */
export {
  EMAIL_MESSAGE, PASSWORD_MAX, PASSWORD_MESSAGES, PASSWORD_MIN, passwordShapeProblem, PHONE_MESSAGE, PHONE_PATTERN,
  TEXT_LIMITS, textTooLong, textTooShort,
} from '@scenebridge/domain/field-rules';
export { checkCreditCode, CREDIT_CODE_MESSAGES } from '@scenebridge/domain/credit-code';
