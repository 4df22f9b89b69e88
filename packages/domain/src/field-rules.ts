/**
 * Limits and patterns of the form fields, written once: the zod schemas (schemas.ts) apply them
 * on the server and the web's forms read them through the contract. Zod-free and without the
 * password estimator, so the browser can load it.
 */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;
export const PHONE_MESSAGE = '请输入有效的手机号或固定电话（如 023-63891234）';
export const EMAIL_MESSAGE = '请输入有效的电子邮箱';

/** [min, max] characters of a one-line text after trimming. */
export const TEXT_LIMITS = {
  organizationName: [2, 100],
  personName: [2, 30],
  criterionName: [2, 30],
  callTitle: [4, 100],
  callDescription: [10, 5000],
  listingTitle: [4, 100],
  listingDescription: [20, 5000],
  expectedOutcome: [10, 2000],
  caseTitle: [2, 100],
  caseSummary: [10, 1000],
} as const satisfies Record<string, readonly [number, number]>;

export const textTooShort = (label: string, min: number) => `${label}至少${min}个字`;
export const textTooLong = (label: string, max: number) => `${label}不能超过${max}个字`;

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
export const PASSWORD_MESSAGES = {
  tooShort: `密码至少${PASSWORD_MIN}位`,
  tooLong: `密码不能超过${PASSWORD_MAX}位`,
  classes: '密码须同时包含字母和数字',
  guessable: '密码过于常见或容易被猜到（如常用密码、单词加年份、键盘或数字序列），请换一个',
  containsEmail: '密码不能包含邮箱用户名',
} as const;

/** The part of the password rule that needs no dictionary: length, letters and digits. */
export function passwordShapeProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN) return PASSWORD_MESSAGES.tooShort;
  if (password.length > PASSWORD_MAX) return PASSWORD_MESSAGES.tooLong;
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return PASSWORD_MESSAGES.classes;
  return null;
}

/** Most characters of an optional text (after trimming). */
export const TEXT_MAX = {
  address: 200,
  caseClient: 100,
  reason: 1000,
} as const satisfies Record<string, number>;

/** [min, max] codes picked from a list, and the words for too few and too many. */
export const PICK_LIMITS = {
  techFields: [1, 5],
  sectors: [1, 5],
} as const satisfies Record<string, readonly [number, number]>;
export const pickTooFew = (label: string) => `至少选择一个${label}`;
export const pickTooMany = (label: string, max: number) => `${label}最多${max}个`;

/** [min, max] of a whole number entered in a form. */
export const NUMBER_RANGES = {
  criterionWeight: [1, 100],
  reviewersPerItem: [1, 15],
  /** 万元 */
  budget: [0, 1_000_000],
  caseYear: [1990, 2100],
  /** One criterion's score, before weighting. */
  score: [0, 100],
  /** The number of a published batch (第N批). */
  batchNumber: [1, 999],
} as const satisfies Record<string, readonly [number, number]>;
/** A number outside its range is refused with this message, never moved into the range. */
export const numberOutOfRange = (label: string, [min, max]: readonly [number, number]) => `${label}应在${min}–${max}之间`;

/** Largest attachment (the server's default upload limit): the web checks it before sending. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_TOO_LARGE = '文件超过10MB上限，请压缩或拆分后再上传';

/** A review criterion's key: it names the score in stored reviews and exports. */
export const CRITERION_KEY_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;
