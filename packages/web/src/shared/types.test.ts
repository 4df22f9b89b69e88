/**
 * The web's API types are the contract's (the schemas the server validates its answers with), so
 * the type check fails when the two part. `npm run typecheck` compiles this file with the web.
 */
import type { CallDetail } from '@scenebridge/contract/calls';
import type { AuditEntry, ChainReport } from '@scenebridge/contract/audit';
import type { Session as ContractSession } from '@scenebridge/contract/auth';
import type { ImportReport } from '@scenebridge/contract/imports';
import type { Organization as ContractOrganization } from '@scenebridge/contract/organizations';
import { assignmentStatus, type AssignmentDetail as ContractAssignmentDetail } from '@scenebridge/contract/review';
import type { SearchResult as ContractSearchResult } from '@scenebridge/contract/search';
import type { SubmissionDetail, SubmissionPage } from '@scenebridge/contract/submissions';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { submissionsApi } from '../features/submissions/api';
import { ASSIGNMENT_STATUS } from './labels';
import type {
  AssignmentDetail,
  AuditEvent,
  Call,
  ChainVerdict,
  ImportResult,
  Organization,
  SearchResult,
  Session,
  Submission,
} from './types';

describe('web API types', () => {
  it('are the contract types, not copies', () => {
    expectTypeOf<Call>().toEqualTypeOf<CallDetail>();
    expectTypeOf<Submission>().toEqualTypeOf<SubmissionDetail>();
    expectTypeOf<Session>().toEqualTypeOf<ContractSession>();
    expectTypeOf<Organization>().toEqualTypeOf<ContractOrganization>();
    expectTypeOf<ImportResult>().toEqualTypeOf<ImportReport>();
    expectTypeOf<AuditEvent>().toEqualTypeOf<AuditEntry>();
    expectTypeOf<ChainVerdict>().toEqualTypeOf<ChainReport>();
    expectTypeOf<AssignmentDetail>().toEqualTypeOf<ContractAssignmentDetail>();
    expectTypeOf<SearchResult>().toEqualTypeOf<ContractSearchResult>();
  });

  it('the submission list is typed as list items, not as full submissions', () => {
    expectTypeOf<Awaited<ReturnType<typeof submissionsApi.submissions>>>().toEqualTypeOf<SubmissionPage>();
  });

  it('labels every assignment status the contract can send', () => {
    expect(Object.keys(ASSIGNMENT_STATUS).sort()).toEqual([...assignmentStatus.options].sort());
    for (const s of Object.values(ASSIGNMENT_STATUS)) expect(s.label).toMatch(/^[\u4e00-\u9fff]+$/);
  });
});
