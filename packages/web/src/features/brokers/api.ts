/** 技术经理人 (brokers): workspace, profile, the operator's broker list and suggested matches. */
import type { BrokerList, BrokerProfile, BrokerWorkspace, SuggestedMatchList } from '@scenebridge/contract/brokers';
import { get, put } from '../../shared/http';

export type { BrokerProfile, BrokerWorkspace };

export interface BrokerProfileInput {
  fields: string[];
  certificateNo: string | null;
  bio: string | null;
}

/** TanStack Query keys: everything this feature caches starts with ['brokers']. */
export const brokersKeys = {
  all: ['brokers'] as const,
  list: ['brokers', 'list'] as const,
  workspace: ['brokers', 'workspace'] as const,
  profile: ['brokers', 'profile'] as const,
  suggested: ['brokers', 'suggested'] as const,
};

export const brokersApi = {
  /** Operators: every broker with the open deals they hold (for assigning). */
  list: async () => (await get<BrokerList>('/brokers')).items,
  workspace: () => get<BrokerWorkspace>('/brokers/me/workspace'),
  profile: () => get<BrokerProfile>('/brokers/me/profile'),
  saveProfile: (body: BrokerProfileInput) => put<BrokerProfile>('/brokers/me/profile', body),
  suggested: () => get<SuggestedMatchList>('/brokers/me/suggested-matches'),
};
