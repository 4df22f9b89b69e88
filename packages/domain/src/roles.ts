export const ROLES = ['operator', 'reviewer', 'broker', 'registrar', 'org_admin', 'org_member'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANIZATION_KINDS = [
  'government',
  'soe',
  'private_enterprise',
  'ai_company',
  'university',
  'research_institute',
  'new_rd_institution',
  'hospital',
  'school',
  'industrial_park',
  'service_agency',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const LIST_TYPES = ['scenario_need', 'capability'] as const;
export type ListType = (typeof LIST_TYPES)[number];
