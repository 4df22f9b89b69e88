/**
 * The qualifications (资质) an organisation can hold and a challenge can require: the national
 * and provincial recognitions that 揭榜挂帅 calls name in their eligibility terms. Codes are
 * stable English names (stored in the database and in challenges' rules); the Chinese labels are
 * in the glossary (QUALIFICATION_LABELS). Extend the list, never reuse a code for another
 * recognition.
 */
export const QUALIFICATION_CODES = [
  /** 高新技术企业 (科技部、财政部、税务总局认定, 3 years). */
  'high_tech_enterprise',
  /** 科技型中小企业 (入库登记, yearly). */
  'tech_sme',
  /** 创新型中小企业 (工信部梯度培育, 3 years). */
  'innovative_sme',
  /** 专精特新中小企业 (省级认定, 3 years). */
  'specialized_sme',
  /** 专精特新"小巨人"企业 (工信部认定, 3 years). */
  'little_giant',
  /** 制造业单项冠军企业 (工信部). */
  'single_champion',
  /** 国家企业技术中心 (国家发展改革委等认定). */
  'national_enterprise_tech_center',
  /** 省级企业技术中心. */
  'provincial_enterprise_tech_center',
  /** 软件企业 (软件企业评估). */
  'software_enterprise',
  /** 全国重点实验室. */
  'national_key_laboratory',
  /** 信息安全管理体系认证 (ISO/IEC 27001). */
  'iso27001',
  /** 信息技术服务标准符合性评估 (ITSS). */
  'itss',
] as const;
export type QualificationCode = (typeof QUALIFICATION_CODES)[number];

export const isQualificationCode = (v: string): v is QualificationCode => (QUALIFICATION_CODES as readonly string[]).includes(v);

/** One qualification held: validUntil is the last day it is valid (Asia/Shanghai), null if it does not lapse. */
export interface HeldQualification {
  code: QualificationCode;
  certificateNo?: string | null;
  /** YYYY-MM-DD, inclusive. */
  validUntil?: string | null;
}

/** Whether a held qualification counts on this day (YYYY-MM-DD): an expired one is not held. */
export const isQualificationValidOn = (q: HeldQualification, day: string): boolean => !q.validUntil || q.validUntil >= day;
