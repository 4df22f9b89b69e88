/** Organisations and their users: the part of /api/v1 this feature calls. */
import type {
  DishonestyFlag,
  OrganizationLicence,
  OrganizationLicenceList,
  OrganizationProfile,
  OrganizationQualification,
} from '@scenebridge/contract/organizations';
import type { DishonestyFlagInput, QualificationInput } from '@scenebridge/domain/eligibility';
import { buildUrl, del, get, post, put, upload, type Query } from '../../shared/http';
import type { Organization, OrganizationPage, Role, User } from '../../shared/types';

/** TanStack Query keys: everything this feature caches starts with ['organizations']. */
export const organizationsKeys = {
  all: ['organizations'] as const,
  list: (query: Query) => ['organizations', 'list', query] as const,
  detail: (id: string) => ['organizations', 'detail', id] as const,
  licences: (id: string) => ['organizations', 'licences', id] as const,
  profile: (id: string) => ['organizations', 'profile', id] as const,
};

export const organizationsApi = {
  organizations: (query: Query) => get<OrganizationPage>('/organizations', query),
  organization: (id: string) => get<Organization>(`/organizations/${encodeURIComponent(id)}`),
  organizationTransition: (id: string, action: string, reason?: string) =>
    post<Organization>(`/organizations/${encodeURIComponent(id)}/transitions`, { action, reason }),
  addOrganizationUser: (id: string, input: { email: string; displayName: string; password: string; roles: Role[] }) =>
    post<User>(`/organizations/${encodeURIComponent(id)}/users`, input),
  /** The business licence files (营业执照), newest first. */
  licences: async (id: string) => (await get<OrganizationLicenceList>(`/organizations/${encodeURIComponent(id)}/licences`)).items,
  uploadLicence: (id: string, file: File) => upload<OrganizationLicence>(`/organizations/${encodeURIComponent(id)}/licences`, file),
  licenceUrl: (id: string, licenceId: string) =>
    buildUrl(`/organizations/${encodeURIComponent(id)}/licences/${encodeURIComponent(licenceId)}`),
  /** Qualifications and the 失信 flag (the operator edits; the organisation sees its own). */
  profile: (id: string) => get<OrganizationProfile>(`/organizations/${encodeURIComponent(id)}/profile`),
  addQualification: (id: string, input: QualificationInput) =>
    post<OrganizationQualification>(`/organizations/${encodeURIComponent(id)}/qualifications`, input),
  removeQualification: (id: string, qualificationId: string) =>
    del<null>(`/organizations/${encodeURIComponent(id)}/qualifications/${encodeURIComponent(qualificationId)}`),
  setDishonesty: (id: string, input: DishonestyFlagInput) =>
    put<DishonestyFlag>(`/organizations/${encodeURIComponent(id)}/dishonesty`, input),
};
