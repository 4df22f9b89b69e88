/** 可享政策、政策画像与免申即享: the part of /api/v1 this feature calls (docs/policies.md). */
import { enc, get, post, put, type Query } from '../../shared/http';

import type {
  ConditionCheckJson,
  PolicyDetail,
  MeasureForMe,
  MeasuresForMe,
  PolicyProfileJson,
  RedemptionJson,
  RedemptionList,
  RedemptionRunReceipt,
} from '@scenebridge/contract/policies';

export type ConditionOutcome = ConditionCheckJson['outcome'];
export type RedemptionStage = RedemptionJson['stage'];
export type {
  ConditionCheckJson,
  MeasureForMe,
  MeasuresForMe,
  PolicyProfileJson as PolicyProfileView,
  RedemptionJson,
  RedemptionList,
  RedemptionRunReceipt,
};

/** PUT /organizations/me/policy-profile: every field sent, an empty one as null (cleared). */
export interface PolicyProfileInput {
  employees: number | null;
  revenueBand: string | null;
  rdSharePercent: number | null;
  sectors: string[];
  foundedOn: string | null;
}

/** TanStack Query keys: everything this feature caches starts with ['policy-matching']. */
export const policyMatchingKeys = {
  all: ['policy-matching'] as const,
  profile: ['policy-matching', 'profile'] as const,
  forMe: (query: Query) => ['policy-matching', 'for-me', query] as const,
  mine: ['policy-matching', 'redemptions', 'mine'] as const,
  minePage: (query: Query) => ['policy-matching', 'redemptions', 'mine', query] as const,
  policy: (id: string) => ['policy-matching', 'policy', id] as const,
  measureRows: (measureId: string, query: Query) => ['policy-matching', 'redemptions', measureId, query] as const,
};

const measurePath = (policyId: string, measureId: string) => `/policies/${enc(policyId)}/measures/${enc(measureId)}`;
const redemption = (id: string) => `/policy-redemptions/${enc(id)}`;

export const policyMatchingApi = {
  policy: (id: string) => get<PolicyDetail>(`/policies/${enc(id)}`),
  profile: () => get<PolicyProfileJson>('/organizations/me/policy-profile'),
  saveProfile: (body: PolicyProfileInput) => put<PolicyProfileJson>('/organizations/me/policy-profile', body),
  forMe: (query: Query) => get<MeasuresForMe>('/policies/measures/for-me', query),
  mine: (query: Query) => get<RedemptionList>('/policy-redemptions/mine', query),
  confirm: (id: string) => post<unknown>(`${redemption(id)}/confirm`),
  decline: (id: string, reason: string) => post<unknown>(`${redemption(id)}/decline`, { reason }),
  redeem: (id: string, amountFen: number, note?: string) => post<unknown>(`${redemption(id)}/redeem`, { amountFen, note }),
  run: (policyId: string, measureId: string) => post<RedemptionRunReceipt>(`${measurePath(policyId, measureId)}/redemption-runs`),
  rows: (policyId: string, measureId: string, query: Query) =>
    get<RedemptionList>(`${measurePath(policyId, measureId)}/redemptions`, query),
  exportPath: (policyId: string, measureId: string) => `${measurePath(policyId, measureId)}/redemptions/export.xlsx`,
};
