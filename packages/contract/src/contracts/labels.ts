/**
 * Chinese words of 技术合同登记 (zod-free, so the web loads it), and the code lists the form
 * offers: contract types, 法人性质, payment methods, version kinds. Amounts are shown with
 * `fenToWanText` / `formatReward` of the challenges' labels (integer 分, never a float).
 */
export {
  CONTRACT_REGISTRATION_ACTION_LABELS,
  CONTRACT_REGISTRATION_STATE_LABELS,
  CONTRACT_ORIGIN_LABELS,
  CONTRACT_TYPE_CATEGORY_LABELS,
  CONTRACT_TYPE_LABELS,
  CONTRACT_VERSION_KIND_LABELS,
  LEGAL_NATURE_GROUP_LABELS,
  LEGAL_NATURE_LABELS,
  PATENT_NUMBER_KIND_LABELS,
  PAYMENT_METHOD_LABELS,
} from '@scenebridge/domain/glossary';
export { fenToWanText, formatReward } from '../challenges/labels.js';
/**
 * The code lists, the browser-side checks (the same code the server runs) and the deadline
 * defaults: contract types with their category, 法人性质 with their group, the patent-number
 * check digit, the registration-number format.
 */
export {
  CONTRACT_AMOUNT_MESSAGE,
  CONTRACT_AMOUNT_RULE,
  CONTRACT_DEADLINE_DEFAULTS,
  CONTRACT_ORIGINS,
  CONTRACT_PATENTS_MAX,
  CONTRACT_TEXT_LIMITS,
  CONTRACT_TYPE_CATEGORIES,
  CONTRACT_TYPE_DEFS,
  CONTRACT_TYPES,
  CONTRACT_TYPES_NEEDING_PATENTS,
  CONTRACT_VERSION_KINDS,
  LEGAL_NATURE_DEFS,
  LEGAL_NATURE_GROUPS,
  LEGAL_NATURES,
  PATENT_NUMBER_KINDS,
  PATENT_NUMBER_MESSAGES,
  PAYMENT_METHODS,
  REGISTRATION_NO_PATTERN,
  carriesExpectedEconomics,
  contractTypeCategory,
  formatPatentNumber,
  legalNatureGroup,
  parsePatentNumber,
  parseRegistrationNo,
  patentCheckChar,
  type ContractType,
  type ContractTypeCategory,
  type ContractVersionKind,
  type LegalNature,
  type LegalNatureGroup,
  type PatentNumberKind,
  type PaymentMethod,
} from '@scenebridge/domain/contracts';
