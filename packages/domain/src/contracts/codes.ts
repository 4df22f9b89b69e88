/**
 * The vocabulary of 技术合同登记 (docs/contracts.md), with stable English codes and the Chinese
 * names the national registration practice uses (科技部《技术合同认定登记管理办法》and
 * 《技术合同认定规则》; the categories of 民法典 合同编 第二十章 技术合同: 技术开发, 技术转让,
 * 技术许可, 技术咨询, 技术服务). Zod-free and browser-safe. Codes are stored: extend the lists,
 * never rename or reuse a code.
 */

/** The five statutory categories (民法典 第八百五十一条 to 第八百七十八条). */
export const CONTRACT_TYPE_CATEGORIES = ['development', 'transfer', 'license', 'consulting', 'service'] as const;
export type ContractTypeCategory = (typeof CONTRACT_TYPE_CATEGORIES)[number];
export const CONTRACT_TYPE_CATEGORY_LABELS: Record<ContractTypeCategory, string> = {
  development: '技术开发',
  transfer: '技术转让',
  license: '技术许可',
  consulting: '技术咨询',
  service: '技术服务',
};

/** Contract types as the registration form (技术合同登记表) lists them: category and sub-type. */
export const CONTRACT_TYPE_DEFS = [
  { code: 'development_commissioned', category: 'development', label: '技术开发（委托）' },
  { code: 'development_cooperative', category: 'development', label: '技术开发（合作）' },
  { code: 'transfer_patent', category: 'transfer', label: '技术转让（专利权）' },
  { code: 'transfer_patent_application', category: 'transfer', label: '技术转让（专利申请权）' },
  { code: 'transfer_technical_secret', category: 'transfer', label: '技术转让（技术秘密）' },
  { code: 'transfer_software_copyright', category: 'transfer', label: '技术转让（计算机软件著作权）' },
  { code: 'transfer_ic_layout', category: 'transfer', label: '技术转让（集成电路布图设计专有权）' },
  { code: 'transfer_plant_variety', category: 'transfer', label: '技术转让（植物新品种权）' },
  { code: 'transfer_biomedicine_variety', category: 'transfer', label: '技术转让（生物医药新品种权）' },
  { code: 'transfer_other', category: 'transfer', label: '技术转让（其他）' },
  { code: 'license_patent', category: 'license', label: '技术许可（专利实施许可）' },
  { code: 'license_technical_secret', category: 'license', label: '技术许可（技术秘密使用许可）' },
  { code: 'license_software_copyright', category: 'license', label: '技术许可（计算机软件著作权许可）' },
  { code: 'license_ic_layout', category: 'license', label: '技术许可（集成电路布图设计专有权许可）' },
  { code: 'license_plant_variety', category: 'license', label: '技术许可（植物新品种权许可）' },
  { code: 'license_biomedicine_variety', category: 'license', label: '技术许可（生物医药新品种权许可）' },
  { code: 'license_other', category: 'license', label: '技术许可（其他）' },
  { code: 'consulting', category: 'consulting', label: '技术咨询' },
  { code: 'service', category: 'service', label: '技术服务' },
] as const satisfies ReadonlyArray<{ code: string; category: ContractTypeCategory; label: string }>;

export type ContractType = (typeof CONTRACT_TYPE_DEFS)[number]['code'];
export const CONTRACT_TYPES = CONTRACT_TYPE_DEFS.map((d) => d.code) as unknown as readonly [ContractType, ...ContractType[]];
export const CONTRACT_TYPE_LABELS = Object.fromEntries(CONTRACT_TYPE_DEFS.map((d) => [d.code, d.label])) as Record<ContractType, string>;
const categoryOf = new Map<string, ContractTypeCategory>(CONTRACT_TYPE_DEFS.map((d) => [d.code, d.category]));
export const isContractType = (code: string): code is ContractType => categoryOf.has(code);
/** The category of a type code (undefined for an unknown code). */
export const contractTypeCategory = (code: string): ContractTypeCategory | undefined => categoryOf.get(code);
/** Transfers and licences carry the expected new investment and output value (技术交易带动的新增投资、产值). */
export const carriesExpectedEconomics = (code: string): boolean => {
  const c = categoryOf.get(code);
  return c === 'transfer' || c === 'license';
};

/**
 * 法人性质 / 主体性质 of a buyer or seller, as the registration form (技术合同登记表 买方/卖方
 * 信息) and the statistics (技术合同交易 by 卖方类型) group them: 机关法人, 事业法人 (科研院所,
 * 高等院校, 医疗卫生机构, 其他事业单位), 企业法人 (国有, 集体, 私营, 外商投资, 港澳台投资, 其他),
 * 社团法人, 其他组织, 自然人.
 */
export const LEGAL_NATURE_GROUPS = ['government', 'institution', 'enterprise', 'social', 'other', 'person'] as const;
export type LegalNatureGroup = (typeof LEGAL_NATURE_GROUPS)[number];
export const LEGAL_NATURE_GROUP_LABELS: Record<LegalNatureGroup, string> = {
  government: '机关法人',
  institution: '事业法人',
  enterprise: '企业法人',
  social: '社团法人',
  other: '其他组织',
  person: '自然人',
};

export const LEGAL_NATURE_DEFS = [
  { code: 'government', group: 'government', label: '机关法人' },
  { code: 'institution_research', group: 'institution', label: '事业法人（科研院所）' },
  { code: 'institution_university', group: 'institution', label: '事业法人（高等院校）' },
  { code: 'institution_medical', group: 'institution', label: '事业法人（医疗卫生机构）' },
  { code: 'institution_other', group: 'institution', label: '事业法人（其他事业单位）' },
  { code: 'enterprise_state', group: 'enterprise', label: '企业法人（国有企业）' },
  { code: 'enterprise_collective', group: 'enterprise', label: '企业法人（集体企业）' },
  { code: 'enterprise_private', group: 'enterprise', label: '企业法人（私营企业）' },
  { code: 'enterprise_foreign', group: 'enterprise', label: '企业法人（外商投资企业）' },
  { code: 'enterprise_hmt', group: 'enterprise', label: '企业法人（港澳台投资企业）' },
  { code: 'enterprise_other', group: 'enterprise', label: '企业法人（其他企业）' },
  { code: 'social_organization', group: 'social', label: '社团法人' },
  { code: 'other_organization', group: 'other', label: '其他组织' },
  { code: 'natural_person', group: 'person', label: '自然人' },
] as const satisfies ReadonlyArray<{ code: string; group: LegalNatureGroup; label: string }>;

export type LegalNature = (typeof LEGAL_NATURE_DEFS)[number]['code'];
export const LEGAL_NATURES = LEGAL_NATURE_DEFS.map((d) => d.code) as unknown as readonly [LegalNature, ...LegalNature[]];
export const LEGAL_NATURE_LABELS = Object.fromEntries(LEGAL_NATURE_DEFS.map((d) => [d.code, d.label])) as Record<LegalNature, string>;
const groupOf = new Map<string, LegalNatureGroup>(LEGAL_NATURE_DEFS.map((d) => [d.code, d.group]));
export const isLegalNature = (code: string): code is LegalNature => groupOf.has(code);
export const legalNatureGroup = (code: string): LegalNatureGroup | undefined => groupOf.get(code);

/** 支付方式 (技术合同登记表 "价款、报酬或使用费的支付方式"). */
export const PAYMENT_METHODS = ['lump_sum', 'lump_sum_installments', 'royalty', 'royalty_with_entry_fee', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  lump_sum: '一次总算、一次总付',
  lump_sum_installments: '一次总算、分期支付',
  royalty: '提成支付',
  royalty_with_entry_fee: '提成支付附加预付入门费',
  other: '其他方式',
};

/** A version of a contract: the original registration, a change (变更) or a cancellation (注销). */
export const CONTRACT_VERSION_KINDS = ['original', 'change', 'cancellation'] as const;
export type ContractVersionKind = (typeof CONTRACT_VERSION_KINDS)[number];
export const CONTRACT_VERSION_KIND_LABELS: Record<ContractVersionKind, string> = {
  original: '原始登记',
  change: '变更登记',
  cancellation: '注销登记',
};

export const CONTRACT_ORIGINS = ['online', 'import'] as const;
export type ContractOrigin = (typeof CONTRACT_ORIGINS)[number];
export const CONTRACT_ORIGIN_LABELS: Record<ContractOrigin, string> = { online: '网上登记', import: '历史导入' };

export const PATENT_NUMBER_KINDS = ['patent', 'application'] as const;
export type PatentNumberKind = (typeof PATENT_NUMBER_KINDS)[number];
export const PATENT_NUMBER_KIND_LABELS: Record<PatentNumberKind, string> = { patent: '专利号', application: '专利申请号' };
