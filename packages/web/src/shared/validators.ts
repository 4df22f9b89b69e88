/**
 * antd rules built from the contract's field rules, the ones the server's zod schemas apply
 * (packages/domain/src/schemas.ts). Only the wording of an empty field ("请输入…") is the web's.
 * The server stays the authority (it also checks what needs a dictionary or a catalogue).
 */
import {
  checkCreditCode,
  CREDIT_CODE_MESSAGES,
  CRITERION_KEY_PATTERN,
  EMAIL_MESSAGE,
  NUMBER_RANGES,
  numberOutOfRange,
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
} from '@scenebridge/contract/forms';
import type { FormRule as Rule } from 'antd';

/** A check that leaves empty values to the `required` rule. */
const check = (problem: (v: string) => string | null): Rule => ({
  validator: (_r, v: unknown) => {
    if (typeof v !== 'string' || v.trim() === '') return Promise.resolve();
    const p = problem(v);
    return p ? Promise.reject(new Error(p)) : Promise.resolve();
  },
});

export const rules = {
  required: (label: string, verb = '请输入'): Rule => ({ required: true, whitespace: true, message: `${verb}${label}` }),
  choose: (label: string): Rule => ({ required: true, message: `请选择${label}` }),
  /** `field` names the limits in the contract; `label` is the wording of the message. */
  length: (label: string, field: keyof typeof TEXT_LIMITS): Rule => {
    const [min, max] = TEXT_LIMITS[field];
    return check((v) => {
      const n = v.trim().length;
      return n < min ? textTooShort(label, min) : n > max ? textTooLong(label, max) : null;
    });
  },
  /** An optional text with only a most length; `message` when the form words it its own way. */
  maxLength: (label: string, field: keyof typeof TEXT_MAX, message?: string): Rule => {
    const max = TEXT_MAX[field];
    return check((v) => (v.trim().length > max ? (message ?? textTooLong(label, max)) : null));
  },
  /** How many codes a multiple select takes: required, at least `min`, at most `max`. */
  pick: (label: string, field: keyof typeof PICK_LIMITS): Rule[] => {
    const [min, max] = PICK_LIMITS[field];
    return [
      { required: true, type: 'array', min, message: pickTooFew(label) },
      { type: 'array', max, message: pickTooMany(label, max) },
    ];
  },
  /**
   * A number in the contract's range. Pair it with an InputNumber without `min`/`max`: those move
   * an out-of-range entry into the range on blur, and the user never learns it was changed.
   */
  range: (label: string, field: keyof typeof NUMBER_RANGES): Rule => ({
    validator: (_r, v: unknown) => {
      const [min, max] = NUMBER_RANGES[field];
      return typeof v !== 'number' || (v >= min && v <= max)
        ? Promise.resolve()
        : Promise.reject(new Error(numberOutOfRange(label, [min, max])));
    },
  }),
  criterionKey: (): Rule => ({ pattern: CRITERION_KEY_PATTERN, message: '小写英文，如 urgency' }),
  phone: (): Rule => ({ pattern: PHONE_PATTERN, message: PHONE_MESSAGE }),
  email: (): Rule => ({ type: 'email', message: EMAIL_MESSAGE }),
  password: (): Rule => check((v) => passwordShapeProblem(v)),
  creditCode: (): Rule =>
    check((v) => {
      const r = checkCreditCode(v);
      return r.ok ? null : CREDIT_CODE_MESSAGES[r.problem];
    }),
};
