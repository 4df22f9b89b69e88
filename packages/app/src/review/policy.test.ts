import { DomainError } from '@scenebridge/domain';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import { assignmentPolicy, authorizeReview, REVIEW_PROCESS, reviewPolicy, type ReviewAction } from './policy.js';
import { testActor } from '../shared/actor.testing.js';

const actor = (roles: Actor['roles'], userId = 'u1'): Actor =>
  testActor(roles, { userId, email: `${userId}@x.cn`, organizationKind: 'platform' });
const operator = actor(['operator']);
const reviewer = actor(['reviewer']);
const member = actor(['org_admin']);

const refusal = (f: () => void) => {
  try {
    f();
    return 'allowed';
  } catch (e) {
    return `${(e as DomainError).status} ${(e as DomainError).message}`;
  }
};

describe('reviewPolicy', () => {
  it('lets the operator run the review and the reviewer score and declare relations, nobody else', () => {
    expect(reviewPolicy.allowedActions(operator, REVIEW_PROCESS)).toEqual(['view', 'assign', 'rank', 'select', 'listReviewers']);
    expect(reviewPolicy.allowedActions(reviewer, REVIEW_PROCESS)).toEqual(['view', 'score', 'declareRelation']);
    expect(reviewPolicy.allowedActions(member, REVIEW_PROCESS)).toEqual(['view']);
    expect(reviewPolicy.allowedActions(actor(['operator', 'reviewer']), REVIEW_PROCESS)).toHaveLength(7);
  });

  it('refuses with 403 (never 404, nothing is loaded yet) and the reviewer-only wording', () => {
    const cases: [Actor | null, ReviewAction, string][] = [
      [member, 'assign', '403 无权执行此操作'],
      [reviewer, 'select', '403 无权执行此操作'],
      [null, 'rank', '403 无权执行此操作'],
      [operator, 'score', '403 只有评审专家可以评审'],
      [member, 'declareRelation', '403 只有评审专家可以声明关联关系'],
      [operator, 'listReviewers', 'allowed'],
      [reviewer, 'declareRelation', 'allowed'],
    ];
    for (const [who, action, expected] of cases) expect(refusal(() => authorizeReview(who, action))).toBe(expected);
  });
});

describe('assignmentPolicy', () => {
  const mine = { reviewerUserId: 'u1' };
  const theirs = { reviewerUserId: 'u2' };

  it('lets a reviewer see, score and step aside from their own assignment only', () => {
    expect(assignmentPolicy.allowedActions(reviewer, mine)).toEqual(['view', 'score', 'declareConflict']);
    expect(assignmentPolicy.allowedActions(reviewer, theirs)).toEqual([]);
    // The same user without the reviewer role (it was taken away) no longer works on it.
    expect(assignmentPolicy.allowedActions(actor(['operator'], 'u1'), mine)).toEqual([]);
  });

  it("tells a reviewer another reviewer's assignment does not exist", () => {
    expect(refusal(() => assignmentPolicy.authorize(reviewer, 'score', theirs))).toBe('404 评审任务不存在或无权访问');
    expect(refusal(() => assignmentPolicy.authorize(reviewer, 'declareConflict', mine))).toBe('allowed');
  });
});
