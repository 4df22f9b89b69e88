/**
 * The words and code lists of 技术合同登记 the pages use, all from the contract
 * (`@scenebridge/contract/contracts/labels` and `/lifecycle`), shaped for antd selects.
 */
import {
  CONTRACT_ORIGIN_LABELS,
  CONTRACT_REGISTRATION_ACTION_LABELS,
  CONTRACT_REGISTRATION_STATE_LABELS,
  CONTRACT_TYPE_CATEGORY_LABELS,
  CONTRACT_TYPE_DEFS,
  CONTRACT_TYPE_LABELS,
  CONTRACT_TYPES_NEEDING_PATENTS,
  CONTRACT_VERSION_KIND_LABELS,
  LEGAL_NATURE_DEFS,
  LEGAL_NATURE_GROUP_LABELS,
  LEGAL_NATURE_LABELS,
  PATENT_NUMBER_KIND_LABELS,
  PATENT_NUMBER_MESSAGES,
  PAYMENT_METHOD_LABELS,
  carriesExpectedEconomics,
  parsePatentNumber,
  type ContractTypeCategory,
  type LegalNatureGroup,
} from '@scenebridge/contract/contracts/labels';
import { contractRegistrationLifecycle, type ContractRegistrationState } from '@scenebridge/contract/contracts/lifecycle';

export type ContractState = ContractRegistrationState;
export type DueFlag = 'ok' | 'due_soon' | 'overdue';

export const CONTRACT_STATE_LABELS: Record<ContractState, string> = CONTRACT_REGISTRATION_STATE_LABELS;
export const CONTRACT_ACTION_LABELS: Record<string, string> = CONTRACT_REGISTRATION_ACTION_LABELS;
export const CONTRACT_KIND_LABELS: Record<string, string> = CONTRACT_VERSION_KIND_LABELS;
export const PATENT_KIND_LABELS = PATENT_NUMBER_KIND_LABELS;

/** The steps the detail page shows, in order (returned, refused and discarded are shown on them as where it stopped). */
export const CONTRACT_STEPS = ['draft', 'submitted', 'accepted', 'registered'] as const;

export interface Option {
  value: string;
  label: string;
}
export interface OptionGroup {
  label: string;
  options: Option[];
}

function grouped<G extends string>(
  defs: ReadonlyArray<{ code: string; label: string }>,
  groupOf: (d: never) => G,
  groupLabels: Record<G, string>,
): OptionGroup[] {
  const groups = new Map<G, Option[]>();
  for (const d of defs) {
    const g = groupOf(d as never);
    groups.set(g, [...(groups.get(g) ?? []), { value: d.code, label: d.label }]);
  }
  return [...groups].map(([g, options]) => ({ label: groupLabels[g], options }));
}

/** 合同类型, grouped by the five statutory categories (技术开发, 技术转让, 技术许可, 技术咨询, 技术服务). */
export const CONTRACT_TYPE_GROUPS: OptionGroup[] = grouped(
  CONTRACT_TYPE_DEFS,
  (d: { category: ContractTypeCategory }) => d.category,
  CONTRACT_TYPE_CATEGORY_LABELS,
);
/** 法人性质, grouped (机关法人, 事业法人, 企业法人, 社团法人, 其他组织, 自然人). */
export const NATURE_GROUPS: OptionGroup[] = grouped(
  LEGAL_NATURE_DEFS,
  (d: { group: LegalNatureGroup }) => d.group,
  LEGAL_NATURE_GROUP_LABELS,
);
export const NATURAL_PERSON = 'natural_person';
export const PAYMENT_METHOD_OPTIONS: Option[] = Object.entries(PAYMENT_METHOD_LABELS).map(([value, label]) => ({ value, label }));

const lookup = (labels: Record<string, string>) => (code: string | null | undefined) => (code ? (labels[code] ?? code) : '—');
export const contractTypeLabel = lookup(CONTRACT_TYPE_LABELS);
export const natureLabel = lookup(LEGAL_NATURE_LABELS);
export const paymentMethodLabel = lookup(PAYMENT_METHOD_LABELS);
export const CONTRACT_ORIGIN_LABEL = lookup(CONTRACT_ORIGIN_LABELS);

/** Transfers and licences carry the expected new investment and output value. */
export const carriesEconomics = (code: string | null | undefined) => !!code && carriesExpectedEconomics(code);
/** Patent transfers and patent licences must name at least one patent. */
export const needsPatents = (code: string | null | undefined) => !!code && CONTRACT_TYPES_NEEDING_PATENTS.includes(code);

/** Why a patent or application number is not valid (format, kind digit, year, check digit), or null: the server's own check. */
export function patentProblem(number: string): string | null {
  const r = parsePatentNumber(number);
  return r.ok ? null : PATENT_NUMBER_MESSAGES[r.problem];
}

export const contractNeedsReason = (a: string) => contractRegistrationLifecycle.needsReason(a);
