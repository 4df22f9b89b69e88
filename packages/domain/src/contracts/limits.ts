/** Limits of the registration form, zod-free so the web's form reads the same numbers. */
export const CONTRACT_TEXT_LIMITS = { projectName: [2, 200], partyName: [2, 100] } as const;
/** 1,000亿元 in 分: far above any real contract, far inside a safe integer. */
export const CONTRACT_AMOUNT_MAX_FEN = 100_000_000_000 * 100;
export const CONTRACT_PATENTS_MAX = 50;
/** Types whose contract must name at least one patent or application. */
export const CONTRACT_TYPES_NEEDING_PATENTS: readonly string[] = ['transfer_patent', 'transfer_patent_application', 'license_patent'];
/** The rule name in a refused body's issue (`params.rule`), for a form to point at. */
export const CONTRACT_AMOUNT_RULE = 'CONTRACT_AMOUNT';
export const CONTRACT_AMOUNT_MESSAGE = '技术交易额不能超过合同成交额';
