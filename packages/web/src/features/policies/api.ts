/** 政策库: the part of /api/v1 the policy pages call (docs/policies.md, API section). */
import type {
  CalculationResultJson,
  PolicyDetail,
  PolicyIngestReceipt,
  PolicyList,
  PolicyMeasureCorrected,
  PolicyMeasureJson,
  PolicySummary,
  PolicyTermJson,
} from '@scenebridge/contract/policies';
import type { PolicySupportType } from '@scenebridge/domain/policies';
import { del, enc, get, patch, post, put, upload, type Query } from '../../shared/http';

export type { PolicyDetail, PolicyIngestReceipt, PolicyList, PolicyMeasureJson, PolicySummary, PolicySupportType, PolicyTermJson };
export type CalculationResult = CalculationResultJson;
export type CalculationStep = CalculationResultJson['steps'][number];

type Span = { start: number; end: number };

/** The domain's labels (support-types.ts), restated so the page bundle does not pull in the whole policies barrel. */
export const POLICY_SUPPORT_TYPE_LABELS: Record<PolicySupportType, string> = {
  subsidy: '资金补助',
  reward: '奖励',
  tax: '税收优惠',
  finance: '金融支持',
  service: '服务支持',
  talent: '人才支持',
  other: '其他',
};

export interface MeasureTermInput {
  type: PolicyTermJson['type'];
  value: number | string;
  unit: string;
  qualifier?: string;
  span: Span;
}

/**
 * The PATCH body as the form sends it (contract measureCorrectionBody's input; conditions stay
 * loose records here and are validated by the server, whose messages the drawer shows).
 */
export interface MeasurePatch {
  version: number;
  heading?: string;
  supportType?: PolicySupportType;
  leadUnit?: string | null;
  responsibleUnits?: string[];
  beneficiaries?: string[];
  conditions?: Record<string, unknown>[];
  deadlineOn?: string | null;
  terms?: MeasureTermInput[];
  reason?: string;
}

export type CalculateInputValue = number | boolean | { value: number; unit: '元' | '万元' };

/** TanStack Query keys: everything this feature caches starts with ['policies']. */
export const policiesKeys = {
  all: ['policies'] as const,
  list: (query: Query) => ['policies', 'list', query] as const,
  detail: (id: string) => ['policies', 'detail', id] as const,
};

const one = (id: string) => `/policies/${enc(id)}`;
const measure = (id: string, measureId: string) => `${one(id)}/measures/${enc(measureId)}`;

export const policiesApi = {
  list: (query: Query) => get<PolicyList>('/policies', query),
  get: (id: string) => get<PolicyDetail>(one(id)),
  ingest: (text: string) => post<PolicyIngestReceipt>('/policies', { text }),
  upload: (file: File) => upload<PolicyIngestReceipt>('/policies/upload', file),
  transition: (id: string, action: 'publish' | 'withdraw', version: number, reason?: string) =>
    post<{ id: string; status: string }>(`${one(id)}/transitions`, { action, version, reason }),
  correctMeasure: (id: string, measureId: string, body: MeasurePatch) => patch<PolicyMeasureCorrected>(measure(id, measureId), body),
  reviseCalculator: (id: string, measureId: string, version: number, definition: Record<string, unknown>) =>
    put<PolicyMeasureCorrected>(`${measure(id, measureId)}/calculator`, { version, definition }),
  removeCalculator: (id: string, measureId: string, version: number) => del<void>(`${measure(id, measureId)}/calculator`, { version }),
  confirmCalculator: (id: string, measureId: string, version: number) =>
    post<PolicyMeasureCorrected>(`${measure(id, measureId)}/calculator/confirm`, { version }),
  calculate: (id: string, measureId: string, inputs: Record<string, CalculateInputValue>) =>
    post<CalculationResult>(`${measure(id, measureId)}/calculate`, { inputs }),
};

export const POLICY_STATE_LABELS: Record<PolicySummary['status'], string> = { draft: '草稿', published: '已发布', withdrawn: '已撤回' };
export const POLICY_STATE_COLORS: Record<PolicySummary['status'], string> = { draft: 'gold', published: 'green', withdrawn: 'default' };
export const POLICY_TEXT_MAX = 500_000;
