/** 对接项目 (deals): the part of /api/v1 this feature calls (docs/api.md). */
import type {
  AcceptInterestReceipt,
  Deal,
  DealActivity,
  DealBoard,
  DealDetail,
  DealList,
  DealReceipt,
  DeclineInterestReceipt,
} from '@scenebridge/contract/deals';
import { enc, get, post, put, type Query } from '../../shared/http';

export type { Deal, DealActivity, DealBoard, DealDetail };

/** The list and board filters, as the URL carries them. */
export interface DealFilters {
  status?: string;
  activity?: string;
  brokerId?: string;
  q?: string;
}

export interface ActivityInput {
  kind: string;
  note: string;
  occurredAt?: string;
  links: { title: string; url: string }[];
  nextStep?: string;
  nextStepDueOn?: string;
}

export interface CreateDealInput {
  needId: string;
  capabilityId?: string;
  supplyOrganizationId?: string;
  title?: string;
  expectedAmountFen?: number;
  brokerUserId?: string;
}

/** TanStack Query keys: everything this feature caches starts with ['deals']. */
export const dealsKeys = {
  all: ['deals'] as const,
  list: (query: Query) => ['deals', 'list', query] as const,
  board: (query: Query) => ['deals', 'board', query] as const,
  detail: (id: string) => ['deals', 'detail', id] as const,
};

const deal = (id: string) => `/deals/${enc(id)}`;
export const dealsApi = {
  list: (query: Query) => get<DealList>('/deals', query),
  board: (query: Query) => get<DealBoard>('/deals/board', query),
  get: (id: string) => get<DealDetail>(deal(id)),
  create: (body: CreateDealInput) => post<DealReceipt>('/deals', body),
  acceptInterest: (interestId: string) => post<AcceptInterestReceipt>(`/interests/${enc(interestId)}/accept`),
  declineInterest: (interestId: string, reason: string) =>
    post<DeclineInterestReceipt>(`/interests/${enc(interestId)}/decline`, { reason }),
  // Changes answer the deal (some with its activities): the pages refetch the detail either way.
  transition: (id: string, body: { action: string; reason?: string; version: number; expectedAmountFen?: number }) =>
    post<Deal>(`${deal(id)}/transition`, body),
  claim: (id: string, version: number) => post<Deal>(`${deal(id)}/claim`, { version }),
  assignBroker: (id: string, brokerUserId: string, version: number) => post<Deal>(`${deal(id)}/broker`, { brokerUserId, version }),
  setAmount: (id: string, expectedAmountFen: number | null, version: number) =>
    put<Deal>(`${deal(id)}/expected-amount`, { expectedAmountFen, version }),
  wake: (id: string, version: number) => post<Deal>(`${deal(id)}/wake`, { version }),
  logActivity: (id: string, body: ActivityInput) => post<unknown>(`${deal(id)}/activities`, body),
  markDone: (id: string, activityId: string) => post<unknown>(`${deal(id)}/activities/${enc(activityId)}/done`),
};
