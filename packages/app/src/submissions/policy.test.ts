import { DomainError } from '@scenebridge/domain';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import {
  attachmentPolicy,
  authorizeDrafting,
  authorizeSubmission,
  machineActorsFor,
  submissionListScope,
  submissionPolicy,
  type SubmissionAccess,
} from './policy.js';
import { testActor } from '../shared/actor.testing.js';

const actor = (roles: Actor['roles'], organizationId = 'platform', organizationStatus = 'approved'): Actor =>
  testActor(roles, { organizationId, organizationStatus });
const member = actor(['org_member'], 'A');
const outsider = actor(['org_admin'], 'B');
const operator = actor(['operator']);
const reviewer = actor(['reviewer']);
const broker = actor(['broker']);

const draft: SubmissionAccess = { organizationId: 'A', submittedAt: null };
const submitted: SubmissionAccess = { organizationId: 'A', submittedAt: new Date('2026-01-01') };

const outcome = (f: () => unknown) => {
  try {
    f();
    return 'allowed';
  } catch (e) {
    return `${(e as DomainError).status}:${(e as DomainError).code}:${(e as DomainError).message}`;
  }
};

describe('submissionPolicy', () => {
  it('shows the owner all of theirs and the operator only what was submitted; nobody else anything', () => {
    const sees = (a: Actor | null) => [draft, submitted].map((s) => submissionPolicy.allow(a, 'view', s));
    expect(sees(member)).toEqual([true, true]);
    expect(sees(operator)).toEqual([false, true]);
    for (const a of [outsider, reviewer, broker, null]) expect(sees(a)).toEqual([false, false]);
  });

  it("hides from whoever may not see it (404) and refuses the operator with the web's message (403)", () => {
    expect(outcome(() => authorizeSubmission(member, 'update', draft))).toBe('allowed');
    expect(outcome(() => authorizeSubmission(member, 'manageAttachments', submitted))).toBe('allowed');
    expect(outcome(() => authorizeSubmission(outsider, 'update', submitted))).toBe('404:NOT_FOUND:填报不存在或无权访问');
    expect(outcome(() => authorizeSubmission(operator, 'update', draft))).toBe('404:NOT_FOUND:填报不存在或无权访问');
    expect(outcome(() => authorizeSubmission(operator, 'update', submitted))).toBe('403:FORBIDDEN:只有填报机构可以修改');
    expect(outcome(() => authorizeSubmission(operator, 'manageAttachments', submitted))).toBe('403:FORBIDDEN:只有填报机构可以管理附件');
  });

  it('gives the machine roles the policy grants: owner to the submitting organisation, operator to operators', () => {
    expect(machineActorsFor(member, submitted)).toEqual(['owner']);
    expect(machineActorsFor(operator, submitted)).toEqual(['operator']);
    expect(machineActorsFor(outsider, submitted)).toEqual([]);
    expect(machineActorsFor(null, submitted)).toEqual([]);
  });

  it('lets only users of approved organisations start a draft, telling the two refusals apart', () => {
    expect(authorizeDrafting(member)).toBe(member);
    expect(outcome(() => authorizeDrafting(actor(['org_admin'], 'C', 'pending')))).toBe(
      '403:ORGANIZATION_NOT_APPROVED:机构尚未通过审核，暂不能填报',
    );
    for (const a of [operator, reviewer, broker, null])
      expect(outcome(() => authorizeDrafting(a))).toBe('403:FORBIDDEN:只有机构用户可以填报');
  });

  it('filters lists by the view rule: the scope matches exactly the records the caller may view', () => {
    const records: SubmissionAccess[] = [
      draft,
      submitted,
      { organizationId: 'B', submittedAt: null },
      { organizationId: 'B', submittedAt: new Date() },
    ];
    for (const a of [member, outsider, operator]) {
      const scope = submissionListScope(a);
      const inScope = (s: SubmissionAccess) =>
        'onlySubmitted' in scope ? s.submittedAt !== null : s.organizationId === scope.organizationId;
      expect(records.map(inScope)).toEqual(records.map((s) => submissionPolicy.allow(a, 'view', s)));
    }
    for (const a of [reviewer, broker, null]) expect(outcome(() => submissionListScope(a))).toBe('403:FORBIDDEN:无权执行此操作');
  });
});

describe('attachmentPolicy', () => {
  it('lets whoever sees the submission read its files, and besides only a reviewer assigned to it', () => {
    const files = (assignedToActor: boolean) => ({ submission: submitted, assignedToActor });
    expect(attachmentPolicy.allow(member, 'view', files(false))).toBe(true);
    expect(attachmentPolicy.allow(operator, 'view', files(false))).toBe(true);
    expect(attachmentPolicy.allow(reviewer, 'view', files(true))).toBe(true);
    expect(outcome(() => attachmentPolicy.authorize(reviewer, 'view', files(false)))).toBe('404:NOT_FOUND:附件不存在或无权访问');
    // An assignment alone is not enough once the reviewer role is gone.
    expect(attachmentPolicy.allow(broker, 'view', files(true))).toBe(false);
    expect(attachmentPolicy.allow(outsider, 'view', files(true))).toBe(false);
  });
});
