/**
 * The rules of the form fields that the server's zod schemas apply (packages/domain/src/schemas.ts
 * reads the same constants): lengths, how many codes a list field takes, number ranges, the phone
 * and criterion-key patterns, the credit-code check, the password's length and character classes. Zod-free, so a form does not load the schemas to check a field;
 * what only the server can check (a guessable password, a known region) stays on the server.
 */
export {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TOO_LARGE,
  CRITERION_KEY_PATTERN,
  EMAIL_MESSAGE,
  NUMBER_RANGES,
  numberOutOfRange,
  PASSWORD_MAX,
  PASSWORD_MESSAGES,
  PASSWORD_MIN,
  passwordShapeProblem,
  PHONE_MESSAGE,
  PHONE_PATTERN,
  PICK_LIMITS,
  pickTooFew,
  pickTooMany,
  TEXT_LIMITS,
  TEXT_MAX,
  textTooLong,
  textTooShort,
} from '@scenebridge/domain/field-rules';
export { checkCreditCode, CREDIT_CODE_MESSAGES } from '@scenebridge/domain/credit-code';

/** What a business licence (营业执照) may be; the server tells the type by the file's first bytes. */
export const LICENCE_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
/** The file-name endings a licence picker offers. */
export const LICENCE_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png'] as const;
