/** Client-side checks that mirror the server's (packages/domain/src/schemas.ts). The server stays the authority. */
import type { FormRule as Rule } from 'antd';

const CC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码 (GB 32100-2015): a message, or null when valid. */
export function creditCodeProblem(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return '统一社会信用代码应为18位';
  for (const ch of code) if (!CC_ALPHABET.includes(ch)) return '统一社会信用代码含有不允许的字符（不使用I、O、Z、S、V）';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CC_ALPHABET.indexOf(code[i] ?? '') * (CC_WEIGHTS[i] ?? 0);
  const check = CC_ALPHABET[(31 - (sum % 31)) % 31];
  return check === code[17] ? null : '统一社会信用代码校验位不正确，请核对后重新输入';
}

export const PHONE_RE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;

export const rules = {
  required: (label: string, verb = '请输入'): Rule => ({ required: true, whitespace: true, message: `${verb}${label}` }),
  choose: (label: string): Rule => ({ required: true, message: `请选择${label}` }),
  length: (label: string, min: number, max: number): Rule => ({
    validator: (_r, v: unknown) => {
      if (typeof v !== 'string' || v.trim() === '') return Promise.resolve();
      const n = v.trim().length;
      if (n < min) return Promise.reject(new Error(`${label}至少${min}个字`));
      if (n > max) return Promise.reject(new Error(`${label}不能超过${max}个字`));
      return Promise.resolve();
    },
  }),
  phone: (): Rule => ({ pattern: PHONE_RE, message: '请输入有效的手机号或固定电话（如 023-63891234）' }),
  email: (): Rule => ({ type: 'email', message: '请输入有效的电子邮箱' }),
  password: (): Rule => ({
    validator: (_r, v: unknown) => {
      if (typeof v !== 'string' || v === '') return Promise.resolve();
      if (v.length < 10) return Promise.reject(new Error('密码至少10位'));
      if (v.length > 128) return Promise.reject(new Error('密码不能超过128位'));
      if (!/[A-Za-z]/.test(v) || !/\d/.test(v)) return Promise.reject(new Error('密码须同时包含字母和数字'));
      return Promise.resolve();
    },
  }),
  creditCode: (): Rule => ({
    validator: (_r, v: unknown) => {
      if (typeof v !== 'string' || v.trim() === '') return Promise.resolve();
      const p = creditCodeProblem(v);
      return p ? Promise.reject(new Error(p)) : Promise.resolve();
    },
  }),
};
