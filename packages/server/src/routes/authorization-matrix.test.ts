/**
 * Who may call what: every route under /api/v1 × six callers.
 *
 * Callers
 *   anon      no session
 *   member    org_member of the organisation that owns the object (org A; for the organisation
 *             transition row, a member of the pending organisation being reviewed)
 *   outsider  org_admin of another approved organisation (org B)
 *   reviewer  platform user with role reviewer. On review objects it is the reviewer assigned to
 *             them: the review assignments of rows "the reviewer's …", the in_review item of the
 *             "A's in_review, select" transition row, the assignment of the DELETE
 *             /review-assignments row, the item of the ranked call and of the attachment row
 *             "on A's item, the reviewer's". Rows "another reviewer's …"
 *             use an assignment (or relation) of a second reviewer, so there `reviewer` is a
 *             reviewer NOT assigned to the object.
 *   broker    platform user with role broker
 *   operator  platform user with role operator
 *
 * Expected answers: 2xx allowed; 401 UNAUTHENTICATED (no session on a protected route);
 * 403 FORBIDDEN (wrong role); 404 NOT_FOUND (an object the caller may not see, including
 * another organisation's and other organisations' drafts); `409:CODE` a state rule, where that
 * is what an allowed caller meets. Mutating cells get fresh objects where the route changes
 * them; every refused mutation is checked to have changed nothing.
 *
 * Review and publication routes for the operator (assignments, ranking, selection, reviewers,
 * batches, corrections, benchmark) check the role before they load the object: every
 * non-operator gets 403, also for an object it could not see (the outsider on A's items), and
 * learns nothing about whether it exists. Reviewer routes (/reviews/...) likewise answer 403 to
 * every non-reviewer; a reviewer asking for another reviewer's assignment gets 404.
 * /public/... routes need no session: 200 for everyone. `403:html` is a refusal answered with a
 * Chinese HTML page (the unsubscribe links opened from an email), so no JSON code is checked. Of the operator's submission transitions,
 * start_delivery is also the owner's (member 200).
 *
 * The table must list every route the app registers under /api/v1 (checked against the
 * router and the OpenAPI document).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { BUILTIN_CALENDARS } from '@scenebridge/domain';
import {
  insertAcceptors,
  replaceCalendarYear,
  insertOrganizationLicence,
  insertOrganizationQualification,
  insertSubscription,
  insertApplicationReviews,
  insertApplicationAttachment,
  listOrganizationLicences,
  notifyUsers,
  schema,
} from '@scenebridge/db';
import { and, asc, count, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anonymous,
  callInput,
  createTestContext,
  login,
  makeCall,
  makeOrganization,
  makeUser,
  platformUser,
  randomCreditCode,
  scenarioNeedData,
  TEST_PASSWORD,
  type Client,
  type TestContext,
  uploadFile,
} from '../testing.js';
import { publishThroughApi } from '../portal/testing.js';
import { signUnsubscribe, unsubscribeSecret } from '@scenebridge/app/mail';
import { put, reviewFixtures } from './authorization.testing.js';
import { readExport } from '../xlsx-download.testing.js';
import { challengeInput, makeChallenge } from '@scenebridge/app/challenges/testing';
import { makeAward, type AwardFixture } from '@scenebridge/app/awards/testing';
import { makeApplication } from '@scenebridge/app/application-review/testing';
import { contractInput, makeContract, tinyPdf } from '@scenebridge/app/contracts/testing';
import { buildContractImportTemplate } from '@scenebridge/app/contracts';
import { insertTechContractAttachment } from '@scenebridge/db';

const MATRIX = `
 route                                        | object                            | anon | member           | outsider | reviewer | broker | operator
 GET    /meta                                 | -                                 | 200  | 200              | 200      | 200      | 200    | 200
 POST   /auth/login                           | a valid account                   | 200  | 200              | 200      | 200      | 200    | 200
 POST   /auth/logout                          | own session                       | 204  | 204              | 204      | 204      | 204    | 204
 GET    /auth/me                              | -                                 | 401  | 200              | 200      | 200      | 200    | 200
 POST   /auth/password                        | own account                       | 401  | 204              | 204      | 204      | 204    | 204
 POST   /organizations/register               | new organisation                  | 201  | 201              | 201      | 201      | 201    | 201
 GET    /organizations                        | -                                 | 401  | 403              | 403      | 403      | 403    | 200
 GET    /organizations/export.xlsx            | -                                 | 401  | 403              | 403      | 403      | 403    | 200
 GET    /organizations/:id                    | org A                             | 401  | 200              | 404      | 404      | 404    | 200
 POST   /organizations/:id/transitions        | pending org, approve              | 401  | 403              | 404      | 404      | 404    | 200
 GET    /organizations/:id/users              | org A                             | 401  | 403              | 404      | 404      | 404    | 200
 POST   /organizations/:id/users              | org A, new org_member             | 401  | 403              | 404      | 404      | 404    | 201
 POST   /organizations/:id/licences           | pending org, PDF                  | 401  | 403              | 404      | 404      | 404    | 403
 GET    /organizations/:id/licences           | org A                             | 401  | 200              | 404      | 404      | 404    | 200
 GET    /organizations/:id/licences/:licenceId | org A's licence                  | 401  | 200              | 404      | 404      | 404    | 200
 GET    /organizations/:id/profile            | org A                             | 401  | 200              | 404      | 404      | 404    | 200
 POST   /organizations/:id/qualifications     | org A, new qualification          | 401  | 403              | 404      | 404      | 404    | 201
 DELETE /organizations/:id/qualifications/:qualificationId | org A's qualification | 401  | 403              | 404      | 404      | 404    | 204
 PUT    /organizations/:id/dishonesty         | org A, clear the flag             | 401  | 403              | 404      | 404      | 404    | 200
 POST   /eligibility/check                    | own organisation                  | 401  | 200              | 200      | 200      | 200    | 200
 POST   /eligibility/check                    | org A                             | 401  | 200              | 404      | 404      | 404    | 200
 POST   /eligibility/overrides                | org A, a new challenge            | 401  | 403              | 403      | 403      | 403    | 201
 GET    /calls                                | -                                 | 200  | 200              | 200      | 200      | 200    | 200
 GET    /calls/:id                            | open call                         | 200  | 200              | 200      | 200      | 200    | 200
 GET    /calls/:id                            | draft call                        | 404  | 404              | 404      | 404      | 404    | 200
 POST   /calls                                | new call                          | 401  | 403              | 403      | 403      | 403    | 201
 PATCH  /calls/:id                            | draft call                        | 401  | 403              | 403      | 403      | 403    | 200
 POST   /calls/:id/transitions                | draft call, schedule              | 401  | 403              | 403      | 403      | 403    | 200
 GET    /challenges                           | -                                 | 200  | 200              | 200      | 200      | 200    | 200
 GET    /challenges/export.xlsx               | -                                 | 401  | 200              | 200      | 200      | 200    | 200
 GET    /challenges/:id                       | A's open challenge                | 200  | 200              | 200      | 200      | 200    | 200
 GET    /challenges/:id                       | A's draft challenge               | 404  | 200              | 404      | 404      | 404    | 404
 GET    /challenges/:id/awards                | A's open challenge                | 200  | 200              | 200      | 200      | 200    | 200
 GET    /challenges/:id/awards                | A's draft challenge               | 404  | 200              | 404      | 404      | 404    | 404
 POST   /challenges                           | new challenge                     | 401  | 201              | 201      | 403      | 403    | 403
 PATCH  /challenges/:id                       | A's draft challenge               | 401  | 200              | 404      | 404      | 404    | 404
 POST   /challenges/:id/transitions           | A's draft, submit_for_review      | 401  | 200              | 404      | 404      | 404    | 404
 POST   /challenges/:id/transitions           | A's pending challenge, approve    | 401  | 403              | 404      | 404      | 404    | 200
 GET    /publicities                          | -                                 | 200  | 200              | 200      | 200      | 200    | 200
 GET    /publicities/:id                      | a running publicity               | 200  | 200              | 200      | 200      | 200    | 200
 GET    /publicities/:id                      | a draft publicity                 | 404  | 404              | 404      | 404      | 404    | 200
 POST   /publicities                          | a call's selected items           | 401  | 403              | 403      | 403      | 403    | 201
 POST   /publicities/:id/transitions          | a draft publicity, start          | 401  | 403              | 403      | 403      | 403    | 200
 GET    /publicities/:id/objections           | a running publicity               | 401  | 200              | 200      | 403      | 403    | 200
 GET    /publicities/:id/objections/export.xlsx | a running publicity             | 401  | 403              | 403      | 403      | 403    | 200
 POST   /publicities/:id/objections           | a running publicity, A's item     | 401  | 201              | 201      | 403      | 403    | 403
 GET    /publicity-objections/mine            | -                                 | 401  | 200              | 200      | 403      | 403    | 403
 POST   /publicity-objections/:id/decision    | a pending objection, dismiss      | 401  | 403              | 403      | 403      | 403    | 200
 GET    /challenges/:id/applications      | A's open challenge, before its deadline | 401 | 403           | 403      | 403      | 403    | 200
 GET    /challenges/:id/applications/export.xlsx | A's open challenge, before its deadline | 401 | 403     | 403      | 403      | 403    | 200
 POST   /challenges/:id/applications      | another org's open challenge      | 401  | 201              | 201      | 403      | 403    | 403
 GET    /applications                         | -                                 | 401  | 200              | 200      | 200      | 200    | 200
 GET    /consortium-partners                  | -                                 | 401  | 200              | 200      | 403      | 403    | 403
 GET    /applications/:id                     | A's draft application             | 401  | 200              | 404      | 404      | 404    | 404
 GET    /applications/:id                     | A's submitted application         | 401  | 200              | 404      | 404      | 404    | 200
 PATCH  /applications/:id                     | A's draft application             | 401  | 200              | 404      | 404      | 404    | 404
 POST   /applications/:id/transitions         | A's draft application, submit     | 401  | 200              | 404      | 404      | 404    | 404
 POST   /applications/:id/transitions         | A's submitted application, shortlist | 401 | 403            | 404      | 404      | 404    | 200
 POST   /applications/:id/membership          | A's draft application, B invited, confirm | 401 | 403      | 200      | 404      | 404    | 404
 POST   /applications/:id/attachments         | A's draft application             | 401  | 201              | 404      | 404      | 404    | 404
 POST   /applications/:id/attachments         | A's submitted application         | 401  | 409:APPLICATION_NOT_EDITABLE | 404 | 404 | 404   | 403
 GET    /application-attachments/:id          | on A's draft application          | 401  | 200              | 404      | 404      | 404    | 404
 GET    /application-attachments/:id          | on A's submitted application      | 401  | 200              | 404      | 404      | 404    | 200
 GET    /application-attachments/:id          | on B's application, the reviewer's | 401 | 404              | 200      | 200      | 404    | 200
 DELETE /application-attachments/:id          | on A's draft application          | 401  | 204              | 404      | 404      | 404    | 404
 GET    /awards                               | -                                 | 401  | 200              | 200      | 200      | 200    | 200
 GET    /awards/export.xlsx                   | -                                 | 401  | 200              | 200      | 403      | 403    | 200
 GET    /acceptance-tasks                     | -                                 | 401  | 200              | 200      | 200      | 200    | 200
 GET    /awards/:id                           | A's award (A leads)               | 401  | 200              | 404      | 404      | 404    | 200
 GET    /awards/:id                           | an award of A's challenge, the reviewer its expert | 401 | 200 | 404   | 200      | 404    | 200
 POST   /awards/:id/start                     | an award of A's challenge         | 401  | 200              | 404      | 404      | 404    | 200
 POST   /awards/:id/milestones/:milestoneId/delivery | A's started award, milestone 1 | 401 | 200            | 404      | 404      | 404    | 403
 POST   /awards/:id/milestones/:milestoneId/acceptors | A's award, milestone 1 delivered, the reviewer | 401 | 403 | 404 | 404   | 404    | 200
 POST   /awards/:id/milestones/:milestoneId/opinions | an award of A's challenge, the reviewer its expert | 401 | 200 | 404 | 200 | 404    | 403
 POST   /awards/:id/payments                  | A's award, milestone 1 passed     | 401  | 403              | 404      | 404      | 404    | 201
 POST   /awards/:id/elimination               | A's 赛马 award, checkpoint concluded | 401 | 403             | 404      | 404      | 404    | 200
 GET    /submissions                          | -                                 | 401  | 200              | 200      | 403      | 403    | 200
 GET    /submissions/export.xlsx              | -                                 | 401  | 200              | 200      | 403      | 403    | 200
 POST   /submissions                          | draft in the open call            | 401  | 201              | 201      | 403      | 403    | 403
 GET    /submissions/:id                      | A's submitted                     | 401  | 200              | 404      | 404      | 404    | 200
 GET    /submissions/:id                      | A's draft                         | 401  | 200              | 404      | 404      | 404    | 404
 PATCH  /submissions/:id                      | A's draft                         | 401  | 200              | 404      | 404      | 404    | 404
 POST   /submissions/:id/transitions          | A's draft, submit                 | 401  | 200              | 404      | 404      | 404    | 404
 POST   /submissions/:id/transitions          | A's submitted, return             | 401  | 403              | 404      | 404      | 404    | 200
 POST   /submissions/:id/transitions          | A's in_review, select             | 401  | 403              | 404      | 404      | 404    | 200
 POST   /submissions/:id/transitions          | A's in_review, reject             | 401  | 403              | 404      | 404      | 404    | 200
 POST   /submissions/:id/transitions          | A's published, award              | 401  | 403              | 404      | 404      | 404    | 200
 POST   /submissions/:id/transitions          | A's awarded, start_delivery       | 401  | 200              | 404      | 404      | 404    | 200
 POST   /submissions/:id/transitions          | A's in_delivery, accept           | 401  | 403              | 404      | 404      | 404    | 200
 GET    /submissions/:id/history              | A's submitted                     | 401  | 200              | 404      | 404      | 404    | 200
 POST   /submissions/:id/attachments          | A's draft                         | 401  | 201              | 404      | 404      | 404    | 404
 POST   /submissions/:id/attachments          | A's submitted                     | 401  | 409:NOT_EDITABLE | 404      | 404      | 404    | 403
 GET    /attachments/:id                      | on A's submitted                  | 401  | 200              | 404      | 404      | 404    | 200
 GET    /attachments/:id                      | on A's draft                      | 401  | 200              | 404      | 404      | 404    | 404
 GET    /attachments/:id                      | on A's item, the reviewer's       | 401  | 200              | 404      | 200      | 404    | 200
 DELETE /attachments/:id                      | on A's draft                      | 401  | 204              | 404      | 404      | 404    | 404
 GET    /imports/template                     | scenario_need                     | 401  | 403              | 200      | 403      | 403    | 200
 POST   /imports                              | open call, dry run                | 401  | 403              | 200      | 403      | 403    | 200
 GET    /audit                                | -                                 | 401  | 403              | 403      | 403      | 403    | 200
 GET    /audit/verify                         | -                                 | 401  | 403              | 403      | 403      | 403    | 200
 GET    /audit/export.xlsx                    | -                                 | 401  | 403              | 403      | 403      | 403    | 200
 GET    /audit/people                         | -                                 | 401  | 403              | 403      | 403      | 403    | 200
 POST   /calls/:id/assignments/auto           | call in review, none assigned     | 401  | 403              | 403      | 403      | 403    | 200
 POST   /calls/:id/assignments                | A's in_review + the reviewer      | 401  | 403              | 403      | 403      | 403    | 201
 DELETE /review-assignments/:id               | the reviewer's, unscored          | 401  | 403              | 403      | 403      | 403    | 204
 GET    /calls/:id/ranking                    | call in review                    | 401  | 403              | 403      | 403      | 403    | 200
 GET    /calls/:id/ranking/export.xlsx        | call in review                    | 401  | 403              | 403      | 403      | 403    | 200
 POST   /calls/:id/selection                  | A's in_review, select             | 401  | 403              | 403      | 403      | 403    | 200
 GET    /reviewers                            | -                                 | 401  | 403              | 403      | 403      | 403    | 200
 GET    /reviews/assignments                  | -                                 | 401  | 403              | 403      | 200      | 403    | 403
 GET    /reviews/assignments/:id              | the reviewer's                    | 401  | 403              | 403      | 200      | 403    | 403
 GET    /reviews/assignments/:id              | another reviewer's                | 401  | 403              | 403      | 404      | 403    | 403
 PUT    /reviews/assignments/:id              | the reviewer's, submit scores     | 401  | 403              | 403      | 200      | 403    | 403
 PUT    /reviews/assignments/:id              | another reviewer's, submit scores | 401  | 403              | 403      | 404      | 403    | 403
 POST   /reviews/assignments/:id/conflict     | the reviewer's                    | 401  | 403              | 403      | 200      | 403    | 403
 POST   /reviews/assignments/:id/conflict     | another reviewer's                | 401  | 403              | 403      | 404      | 403    | 403
 GET    /reviews/relations                    | -                                 | 401  | 403              | 403      | 200      | 403    | 403
 POST   /reviews/relations                    | a new organisation                | 401  | 403              | 403      | 204      | 403    | 403
 DELETE /reviews/relations/:id                | the reviewer's declaration        | 401  | 403              | 403      | 204      | 403    | 403
 DELETE /reviews/relations/:id                | another reviewer's declaration    | 401  | 403              | 403      | 404      | 403    | 403
 POST   /challenges/:id/review/assignments/auto | A's challenge under review        | 401  | 403              | 403      | 403      | 403    | 200
 POST   /challenges/:id/review/assignments    | B's application + the reviewer    | 401  | 403              | 403      | 403      | 403    | 201
 DELETE /challenges/:id/review/assignments/:reviewId | the reviewer's, unscored   | 401  | 403              | 403      | 403      | 403    | 204
 GET    /challenges/:id/review/ranking        | A's challenge under review        | 401  | 403              | 403      | 403      | 403    | 200
 GET    /challenges/:id/review/ranking/export.xlsx | A's challenge under review   | 401  | 403              | 403      | 403      | 403    | 200
 GET    /challenges/:id/defence-slots         | A's challenge under review        | 401  | 403              | 403      | 403      | 403    | 200
 POST   /challenges/:id/defence-slots         | B's application, a new slot       | 401  | 403              | 403      | 403      | 403    | 201
 PUT    /challenges/:id/defence-slots/:slotId | a scheduled slot                  | 401  | 403              | 403      | 403      | 403    | 200
 POST   /challenges/:id/defence-slots/:slotId/cancel | a scheduled slot           | 401  | 403              | 403      | 403      | 403    | 200
 GET    /application-reviews                  | -                                 | 401  | 403              | 403      | 200      | 403    | 403
 GET    /application-reviews/:id              | the reviewer's                    | 401  | 403              | 403      | 200      | 403    | 403
 GET    /application-reviews/:id              | another reviewer's                | 401  | 403              | 403      | 404      | 403    | 403
 PUT    /application-reviews/:id              | the reviewer's, submit scores     | 401  | 403              | 403      | 200      | 403    | 403
 PUT    /application-reviews/:id              | another reviewer's, submit scores | 401  | 403              | 403      | 404      | 403    | 403
 POST   /application-reviews/:id/conflict     | the reviewer's                    | 401  | 403              | 403      | 200      | 403    | 403
 POST   /calls/:id/batches                    | call in review, A's selected      | 401  | 403              | 403      | 403      | 403    | 201
 GET    /calls/:id/batches/preview            | call in review, A's selected      | 401  | 403              | 403      | 403      | 403    | 200
 GET    /calls/:id/batches/preview/:format    | call in review, A's selected      | 401  | 403              | 403      | 403      | 403    | 200
 POST   /batches/:id/entries/:seq/corrections | a published entry                 | 401  | 403              | 403      | 403      | 403    | 200
 POST   /submissions/:id/benchmark            | A's accepted                      | 401  | 403              | 403      | 403      | 403    | 201
 GET    /public/batches                       | -                                 | 200  | 200              | 200      | 200      | 200    | 200
 GET    /public/batches/:id                   | a published batch                 | 200  | 200              | 200      | 200      | 200    | 200
 GET    /public/entries                       | -                                 | 200  | 200              | 200      | 200      | 200    | 200
 GET    /public/entries/export.xlsx           | -                                 | 200  | 200              | 200      | 200      | 200    | 200
 GET    /public/entries/:id                   | a published entry                 | 200  | 200              | 200      | 200      | 200    | 200
 GET    /public/benchmark-cases               | -                                 | 200  | 200              | 200      | 200      | 200    | 200
 GET    /public/challenge-results             | -                                 | 200  | 200              | 200      | 200      | 200    | 200
 POST   /benchmark-batches                    | A's accepted                      | 401  | 403              | 403      | 403      | 403    | 201
 POST   /benchmark-batches/preview            | A's accepted                      | 401  | 403              | 403      | 403      | 403    | 200
 POST   /benchmark-batches/:id/entries/:seq/corrections | a published benchmark case | 401  | 403         | 403      | 403      | 403    | 200
 GET    /public/benchmark-batches             | -                                 | 200  | 200              | 200      | 200      | 200    | 200
 GET    /public/benchmark-batches/:id         | a published benchmark batch       | 200  | 200              | 200      | 200      | 200    | 200
 GET    /search                               | -                                 | 200  | 200              | 200      | 200      | 200    | 200
 GET    /listings/:id                         | A's published                     | 200  | 200              | 200      | 200      | 200    | 200
 GET    /listings/:id                         | A's submitted                     | 404  | 200              | 404      | 404      | 200    | 200
 POST   /classify                             | -                                 | 401  | 200              | 200      | 200      | 200    | 200
 GET    /listings/:id/matches                 | A's published                     | 401  | 200              | 200      | 200      | 200    | 200
 GET    /listings/:id/matches                 | A's submitted                     | 401  | 200              | 404      | 404      | 200    | 200
 GET    /listings/:id/interests               | A's published                     | 401  | 200              | 200      | 200      | 200    | 200
 GET    /listings/:id/interests/export.xlsx   | A's published                     | 401  | 200              | 200      | 200      | 200    | 200
 POST   /interests                            | A's need × C's capability         | 401  | 201              | 403:NOT_A_PARTY | 403 | 403  | 403
 POST   /match-decisions                      | A's need, pin C's capability      | 401  | 403              | 403      | 403      | 200    | 200
 GET    /search/terms                         | -                                 | 401  | 403              | 403      | 403      | 403    | 200
 POST   /search/terms                         | a new term                        | 401  | 403              | 403      | 403      | 403    | 201
 DELETE /search/terms/:id                     | an operator's term                | 401  | 403              | 403      | 403      | 403    | 204
 GET    /search/synonyms                      | -                                 | 401  | 403              | 403      | 403      | 403    | 200
 GET    /search/synonyms/builtin              | -                                 | 401  | 403              | 403      | 403      | 403    | 200
 POST   /search/synonyms                      | a new group                       | 401  | 403              | 403      | 403      | 403    | 201
 DELETE /search/synonyms/:id                  | an operator's group               | 401  | 403              | 403      | 403      | 403    | 204
 POST   /quality/check                        | a draft need                      | 401  | 200              | 200      | 200      | 200    | 200
 GET    /duplicates/clusters                  | -                                 | 401  | 403              | 403      | 403      | 403    | 200
 POST   /duplicates/merge                     | two of A's submitted              | 401  | 403              | 403      | 403      | 403    | 200
 GET    /notifications                        | -                                 | 401  | 200              | 200      | 200      | 200    | 200
 POST   /notifications/read-all               | -                                 | 401  | 200              | 200      | 200      | 200    | 200
 POST   /notifications/:id/read               | member's notification             | 401  | 204              | 404      | 404      | 404    | 404
 GET    /notifications/preferences            | -                                 | 401  | 200              | 200      | 200      | 200    | 200
 PUT    /notifications/preferences            | a kind of the caller's roles      | 401  | 200              | 200      | 200      | 200    | 200
 GET    /subscriptions                        | -                                 | 401  | 200              | 200      | 403      | 403    | 403
 GET    /subscriptions/export.xlsx            | -                                 | 401  | 200              | 200      | 403      | 403    | 403
 POST   /subscriptions                        | a new saved search                | 401  | 201              | 201      | 403      | 403    | 403
 GET    /subscriptions/:id                    | member's subscription             | 401  | 200              | 404      | 403      | 403    | 403
 PATCH  /subscriptions/:id                    | member's subscription, rename     | 401  | 200              | 404      | 403      | 403    | 403
 DELETE /subscriptions/:id                    | member's subscription             | 401  | 204              | 404      | 403      | 403    | 403
 GET    /subscriptions/:id/hits               | member's subscription             | 401  | 200              | 404      | 403      | 403    | 403
 GET    /subscriptions/:id/hits/export.xlsx   | member's subscription             | 401  | 200              | 404      | 403      | 403    | 403
 GET    /unsubscribe                          | member's subscription, signed link | 200 | 200              | 200      | 200      | 200    | 200
 GET    /unsubscribe                          | member's subscription, bad token  | 403:html | 403:html     | 403:html | 403:html | 403:html | 403:html
 POST   /unsubscribe                          | member's subscription, signed link | 200 | 200              | 200      | 200      | 200    | 200
 POST   /unsubscribe                          | member's subscription, bad token  | 403:html | 403:html     | 403:html | 403:html | 403:html | 403:html
 POST   /resubscribe                          | member's subscription, signed link | 200 | 200              | 200      | 200      | 200    | 200
 POST   /resubscribe                          | member's subscription, bad token  | 403:html | 403:html     | 403:html | 403:html | 403:html | 403:html
 GET    /calendar/:year                       | a shipped year                    | 200  | 200              | 200      | 200      | 200    | 200
 GET    /calendar/working-days                | 2025-09-26 + 5 working days       | 200  | 200              | 200      | 200      | 200    | 200
 PUT    /calendar/:year                       | a year not yet maintained         | 401  | 403              | 403      | 403      | 403    | 200
 GET    /dashboard                            | the year's dashboard              | 401  | 403              | 403      | 403      | 200    | 200
 GET    /dashboard/funnel                     | the year's funnel                 | 401  | 403              | 403      | 403      | 200    | 200
 GET    /dashboard/targets                    | the year's targets                | 401  | 403              | 403      | 403      | 200    | 200
 PUT    /dashboard/targets                    | a year's targets                  | 401  | 403              | 403      | 403      | 403    | 200
 GET    /dashboard/export.xlsx                | the year's charts                 | 401  | 403              | 403      | 403      | 200    | 200
 GET    /dashboard/report.xlsx                | the year's statistical report     | 401  | 403              | 403      | 403      | 200    | 200
 GET    /contracts                            | the caller's registrations        | 401  | 200              | 200      | 403      | 403    | 200
 GET    /contracts/export.xlsx                | the caller's registrations        | 401  | 200              | 200      | 403      | 403    | 200
 GET    /contracts/queue                      | the registrar queue               | 401  | 403              | 403      | 403      | 403    | 200
 GET    /contracts/queue/export.xlsx          | the registrar queue               | 401  | 403              | 403      | 403      | 403    | 200
 GET    /contracts/import/template.xlsx       | -                                 | 401  | 403              | 403      | 403      | 403    | 200
 POST   /contracts/import                     | the template, dry run             | 401  | 403              | 403      | 403      | 403    | 200
 POST   /contracts                            | a new draft                       | 401  | 201              | 201      | 403      | 403    | 403
 POST   /contracts                            | 技术交易额 above 合同成交额        | 401  | 400              | 400      | 400      | 400    | 400
 GET    /contracts/:id                        | A's draft                         | 401  | 200              | 404      | 404      | 404    | 200
 PATCH  /contracts/:id                        | A's draft                         | 401  | 200              | 404      | 404      | 404    | 403
 PATCH  /contracts/:id                        | A's submitted                     | 401  | 409:CONTRACT_NOT_EDITABLE | 404 | 404   | 404    | 403
 POST   /contracts/:id/transitions            | A's draft with its PDF, submit    | 401  | 200              | 404      | 404      | 404    | 403
 POST   /contracts/:id/transitions            | A's submitted, accept             | 401  | 403              | 404      | 404      | 404    | 200
 POST   /contracts/:id/change                 | A's registered                    | 401  | 201              | 404      | 404      | 404    | 403
 POST   /contracts/:id/cancellation           | A's registered                    | 401  | 201              | 404      | 404      | 404    | 403
 POST   /contracts/:id/attachments            | A's draft                         | 401  | 201              | 404      | 404      | 404    | 403
 GET    /contracts/:id/attachments/:attachmentId | A's draft's PDF                | 401  | 200              | 404      | 404      | 404    | 200
 DELETE /contracts/:id/attachments/:attachmentId | A's draft's PDF                | 401  | 204              | 404      | 404      | 404    | 403
 GET    /deals                                | -                                 | 401  | 200              | 200      | 403      | 200    | 200
 GET    /deals/board                          | -                                 | 401  | 200              | 200      | 403      | 200    | 200
 GET    /deals/export.xlsx                    | -                                 | 401  | 200              | 200      | 403      | 200    | 200
 POST   /deals                                | A's published need and org C      | 401  | 403              | 403      | 403      | 201    | 201
 GET    /deals/:id                            | A's unassigned deal               | 401  | 200              | 404      | 404      | 200    | 200
 POST   /deals/:id/transition                 | A's intent deal, schedule_meeting | 401  | 200              | 404      | 404      | 403    | 200
 POST   /deals/:id/transition                 | A's intent deal, sign             | 401  | 409:ILLEGAL_TRANSITION | 404 | 404   | 403    | 409:ILLEGAL_TRANSITION
 POST   /deals/:id/broker                     | A's unassigned deal, the broker   | 401  | 403              | 404      | 404      | 403    | 200
 POST   /deals/:id/claim                      | A's unassigned deal               | 401  | 403              | 404      | 404      | 200    | 403
 PUT    /deals/:id/expected-amount            | A's unassigned deal               | 401  | 200              | 404      | 404      | 403    | 200
 POST   /deals/:id/wake                       | A's dormant deal                  | 401  | 200              | 404      | 404      | 403    | 200
 POST   /deals/:id/activities                 | A's unassigned deal               | 401  | 201              | 404      | 404      | 403    | 201
 POST   /deals/:id/activities/:activityId/done | A's deal's open next step        | 401  | 200              | 404      | 404      | 403    | 200
 POST   /interests/:id/accept                 | C's interest in A's need          | 401  | 201              | 404      | 404      | 403:INTEREST_NOT_RECIPIENT | 403:INTEREST_NOT_RECIPIENT
 POST   /interests/:id/decline                | C's open interest in A's need     | 401  | 200              | 404      | 404      | 403:INTEREST_NOT_RECIPIENT | 403:INTEREST_NOT_RECIPIENT
 GET    /brokers                              | -                                 | 401  | 403              | 403      | 403      | 403    | 200
 GET    /brokers/me/profile                   | -                                 | 401  | 403              | 403      | 403      | 200    | 403
 PUT    /brokers/me/profile                   | the caller's                      | 401  | 403              | 403      | 403      | 200    | 403
 GET    /brokers/me/workspace                 | -                                 | 401  | 403              | 403      | 403      | 200    | 403
 GET    /brokers/me/suggested-matches         | -                                 | 401  | 403              | 403      | 403      | 200    | 200
 GET    /brokers/:userId/profile              | the broker's                      | 401  | 404              | 404      | 404      | 200    | 200
 GET    /policies                             | -                                 | 200  | 200              | 200      | 200      | 200    | 200
 POST   /policies                             | a pasted notice                   | 401  | 403              | 403      | 403      | 403    | 201
 POST   /policies/upload                      | a .txt notice                     | 401  | 403              | 403      | 403      | 403    | 201
 GET    /policies/:id                         | a draft                           | 404  | 404              | 404      | 404      | 404    | 200
 GET    /policies/:id                         | a published one                   | 200  | 200              | 200      | 200      | 200    | 200
 GET    /policies/measures/search             | q=研发                             | 200  | 200              | 200      | 200      | 200    | 200
 POST   /policies/:id/transitions             | a draft, publish                  | 401  | 404              | 404      | 404      | 404    | 200
 PATCH  /policies/:id/measures/:measureId     | a draft's measure                 | 401  | 404              | 404      | 404      | 404    | 200
 PATCH  /policies/:id/measures/:measureId     | a published one's measure         | 401  | 403              | 403      | 403      | 403    | 200
 PUT    /policies/:id/measures/:measureId/calculator | a published one's measure  | 401  | 403              | 403      | 403      | 403    | 200
 DELETE /policies/:id/measures/:measureId/calculator | a published one's proposal | 401  | 403              | 403      | 403      | 403    | 204
 POST   /policies/:id/measures/:measureId/calculator/confirm | a published one's proposal | 401 | 403       | 403      | 403      | 403    | 200
 POST   /policies/:id/measures/:measureId/calculate | a published one's confirmed calculator | 200 | 200     | 200      | 200      | 200    | 200
 POST   /policies/:id/measures/:measureId/calculate | a draft's confirmed calculator | 404 | 404           | 404      | 404      | 404    | 404
 GET    /organizations/me/policy-profile  | own organisation                  | 401  | 200              | 200      | 403      | 403    | 403
 PUT    /organizations/me/policy-profile  | own organisation                  | 401  | 403              | 200      | 403      | 403    | 403
 POST   /organizations/:id/policy-profile/confirm | org A                     | 401  | 403              | 404      | 404      | 404    | 200
 GET    /policies/measures/for-me             | -                                 | 401  | 200              | 200      | 403      | 403    | 403
 POST   /policies/:id/measures/:measureId/redemption-runs | a published measure with conditions | 401 | 403 | 403 | 403     | 403    | 200
 GET    /policies/:id/measures/:measureId/redemptions | a published measure with conditions | 401 | 403     | 403      | 403      | 403    | 200
 GET    /policies/:id/measures/:measureId/redemptions/export.xlsx | a published measure with conditions | 401 | 403 | 403 | 403 | 403 | 200
 GET    /policy-redemptions/mine              | -                                 | 401  | 200              | 200      | 403      | 403    | 403
 POST   /policy-redemptions/:id/confirm       | A's matched row                   | 401  | 403              | 404      | 404      | 404    | 403
 POST   /policy-redemptions/:id/decline       | A's matched row, with a reason    | 401  | 403              | 404      | 404      | 404    | 403
 POST   /policy-redemptions/:id/redeem        | A's confirmed row                 | 401  | 403              | 404      | 404      | 404    | 200
 GET    /policy-digests                       | -                                 | 200  | 200              | 200      | 200      | 200    | 200
 POST   /policy-digests                       | a published policy                | 401  | 403              | 403      | 403      | 403    | 201
 GET    /policy-digests/:id                   | a draft                           | 404  | 404              | 404      | 404      | 404    | 200
 GET    /policy-digests/:id                   | a published one                   | 200  | 200              | 200      | 200      | 200    | 200
 PUT    /policy-digests/:id                   | a draft                           | 401  | 404              | 404      | 404      | 404    | 200
 POST   /policy-digests/:id/publish           | a draft                           | 401  | 404              | 404      | 404      | 404    | 200
 GET    /policy-digests/:id/export.docx       | a draft                           | 404  | 404              | 404      | 404      | 404    | 200
 GET    /policy-digests/:id/export.docx       | a published one                   | 200  | 200              | 200      | 200      | 200    | 200
 GET    /policy-digests/:id/export.html       | a published one                   | 200  | 200              | 200      | 200      | 200    | 200
`;

const CALLERS = ['anon', 'member', 'outsider', 'reviewer', 'broker', 'operator'] as const;
type Caller = (typeof CALLERS)[number];
type LoggedIn = Exclude<Caller, 'anon'>;
interface Cell {
  status: number;
  code?: string;
}
interface Row {
  method: string;
  path: string;
  object: string;
  key: string;
  cells: Record<Caller, Cell>;
}

const DEFAULT_CODES: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };

function parseMatrix(text: string): Row[] {
  const lines = text
    .trim()
    .split('\n')
    .map((l) => l.split('|').map((c) => c.trim()));
  const [header, ...body] = lines;
  expect(header!.slice(2)).toEqual([...CALLERS]);
  return body.map((cols) => {
    const [method, path] = cols[0]!.split(/\s+/) as [string, string];
    const cells = Object.fromEntries(
      CALLERS.map((c, i) => {
        const [status, code] = cols[i + 2]!.split(':');
        return [c, { status: Number(status), code: code === 'html' ? undefined : (code ?? DEFAULT_CODES[Number(status)]) }];
      }),
    ) as Record<Caller, Cell>;
    return { method, path, object: cols[1]!, key: `${method} ${path} | ${cols[1]}`, cells };
  });
}
const ROWS = parseMatrix(MATRIX);

/** Routes from Fastify's route tree, as "METHOD /path" (HEAD left out: Fastify adds it to every GET). */
function routesFromTree(tree: string): Set<string> {
  const out = new Set<string>();
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    const full = stack.join('');
    for (const method of (m[3] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      if (method !== 'HEAD') out.add(`${method} ${full}`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

function multipart(filename: string, content: Buffer) {
  const boundary = `----sbmatrix${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  };
}
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');

let ctx: TestContext;
let registered: Set<string>;
let openApiRoutes: Set<string>;
const clients = {} as Record<Caller, Client>;
const users = {} as Record<LoggedIn, { id: string; email: string }>;
let orgA: { id: string };
let orgB: { id: string };
let platformOrg: { id: string };
let adminA: Client;
let openCallId: string;
let draftCallId: string;
let submittedA: string;
let draftA: string;
let attOnSubmitted: string;
let attOnDraft: string;
let loginTarget: { id: string; email: string };
let template: Buffer | undefined;
// Review and publication
let fx: ReturnType<typeof reviewFixtures>;
let otherReviewer: { id: string; email: string };
let rankedCallId: string;
let rankedItem: string;
let attOnReviewed: string;
let ownAssignment: string;
let otherAssignment: string;
let relatedOrg: { id: string };
let batchId: string;
let entryId: string;
let benchmarkCaseId: string;
// Search and matching
let publishedNeedA: string;
let capabilityC: string;

beforeAll(async () => {
  ctx = await createTestContext({ config: { loginRateLimitPerMinute: 10_000 } });
  registered = new Set(
    [...routesFromTree(ctx.app.printRoutes({ commonPrefix: false }))].filter((r) => r.split(' ')[1]!.startsWith('/api/v1/')),
  );
  const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  openApiRoutes = new Set(
    Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`)),
  );

  orgA = await makeOrganization(ctx.services);
  orgB = await makeOrganization(ctx.services);
  const op = await platformUser(ctx);
  platformOrg = op.org;
  const a = await makeUser(ctx.services, orgA.id, ['org_admin']);
  adminA = await login(ctx.app, a.email);
  const member = await makeUser(ctx.services, orgA.id, ['org_member']);
  const outsider = await makeUser(ctx.services, orgB.id, ['org_admin']);
  const reviewer = await makeUser(ctx.services, platformOrg.id, ['reviewer']);
  const broker = await makeUser(ctx.services, platformOrg.id, ['broker']);
  Object.assign(users, { member, outsider, reviewer, broker, operator: op.user });
  clients.anon = anonymous(ctx.app);
  clients.operator = op.client;
  for (const who of ['member', 'outsider', 'reviewer', 'broker'] as const) clients[who] = await login(ctx.app, users[who].email);
  loginTarget = await makeUser(ctx.services, orgB.id, ['org_member']);

  openCallId = (await makeCall(ctx.services, { status: 'open' })).id;
  // A 公示 counts working days on the calendar, which ships only the years announced so far: the
  // year after them gets a weekends-only calendar here, so this test does not depend on its date.
  const year = Number(ctx.services.now().toISOString().slice(0, 4));
  for (const y of [year, year + 1])
    if (!BUILTIN_CALENDARS.some((c) => c.year === y))
      await replaceCalendarYear(ctx.handle.db, { year: y, source: '测试：仅周末', updatedBy: users.operator.id, days: [] });
  draftCallId = (await makeCall(ctx.services, { status: 'draft' })).id;

  draftA = await newSubmissionOfA(false);
  attOnDraft = await uploadToA(draftA);
  const sub = await adminA.post('/api/v1/submissions', { callId: openCallId, data: scenarioNeedData({ title: '矩阵已提交的场景需求' }) });
  submittedA = sub.json().id as string;
  attOnSubmitted = await uploadToA(submittedA);
  expect((await adminA.post(`/api/v1/submissions/${submittedA}/transitions`, { action: 'submit' })).statusCode).toBe(200);

  if (registered.has('GET /api/v1/imports/template')) {
    const t = await clients.operator.get('/api/v1/imports/template?listType=scenario_need');
    expect(t.statusCode).toBe(200);
    template = t.rawPayload;
  }

  // Review and publication: a second reviewer (for "another reviewer's …" rows), a call in review
  // whose one item both reviewers are assigned to, a relation the reviewer declared, a published
  // batch of six entries (one per caller for corrections) and a benchmark case.
  fx = reviewFixtures({ ctx, owner: adminA, operator: clients.operator });
  otherReviewer = await makeUser(ctx.services, platformOrg.id, ['reviewer']);
  const ranked = await fx.callInReview(1, async (id) => {
    attOnReviewed = await uploadToA(id);
  });
  rankedCallId = ranked.callId;
  rankedItem = ranked.items[0]!;
  ownAssignment = await fx.assign({ callId: rankedCallId, id: rankedItem }, users.reviewer.id);
  otherAssignment = await fx.assign({ callId: rankedCallId, id: rankedItem }, otherReviewer.id);
  relatedOrg = await makeOrganization(ctx.services);
  expect(
    (await clients.reviewer.post('/api/v1/reviews/relations', { organizationId: relatedOrg.id, note: '矩阵测试关联' })).statusCode,
  ).toBe(204);
  batchId = (await fx.publishedBatch(CALLERS.length)).batchId;
  const batch = (await clients.anon.get(`/api/v1/public/batches/${batchId}`)).json() as { entries: { id: string; seq: number }[] };
  entryId = batch.entries.find((e) => e.seq === 1)!.id;
  const promoted = await clients.operator.post(`/api/v1/submissions/${await fx.accepted()}/benchmark`, {
    resultsText: '上线后检测准确率达到98.5%，替代人工目检八成工作量。',
  });
  expect(promoted.statusCode, promoted.body).toBe(201);
  benchmarkCaseId = promoted.json().id as string;

  publishedNeedA = await fx.published();
  capabilityC = (await publishThroughApi(ctx, clients.operator, { listType: 'capability', items: [{ title: '矩阵测试视觉检测能力' }] }))
    .submissionIds[0]!;
});
afterAll(async () => {
  await ctx?.close();
});

async function newSubmissionOfA(submit: boolean): Promise<string> {
  const res = await adminA.post('/api/v1/submissions', {
    callId: openCallId,
    data: scenarioNeedData({ title: `矩阵场景需求${randomBytes(3).toString('hex')}` }),
  });
  expect(res.statusCode).toBe(201);
  const id = res.json().id as string;
  if (submit) expect((await adminA.post(`/api/v1/submissions/${id}/transitions`, { action: 'submit' })).statusCode).toBe(200);
  return id;
}

async function uploadToA(submissionId: string): Promise<string> {
  const res = await adminA.request('POST', `/api/v1/submissions/${submissionId}/attachments`, undefined, multipart('材料.pdf', PDF));
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

/** A new user of the caller's kind, logged in (for routes that end sessions or change passwords). */
async function freshOf(who: LoggedIn) {
  const [orgId, roles] = {
    member: [orgA.id, ['org_member']],
    outsider: [orgB.id, ['org_admin']],
    reviewer: [platformOrg.id, ['reviewer']],
    broker: [platformOrg.id, ['broker']],
    operator: [platformOrg.id, ['operator']],
  }[who] as [string, ('org_member' | 'org_admin' | 'reviewer' | 'broker' | 'operator')[]];
  const user = await makeUser(ctx.services, orgId, roles);
  return { user, client: await login(ctx.app, user.email) };
}

const ok = (res: LightMyRequestResponse) => res.statusCode >= 200 && res.statusCode < 300;

/** Sends, and when the request was refused, checks that `probe` reads the same before and after. */
async function guarded(probe: () => Promise<unknown>, send: () => Promise<LightMyRequestResponse>) {
  const before = await probe();
  const res = await send();
  if (!ok(res)) expect(await probe(), 'a refused request changed state').toEqual(before);
  return res;
}

const submissionCount = async () => (await ctx.handle.db.select({ n: count() }).from(schema.submissions))[0]!.n;
const statusOf = async (id: string) => (await adminA.get(`/api/v1/submissions/${id}`)).json().status as string;
const assignmentsOf = async (where: { submissionId?: string; callId?: string; id?: string }) => {
  const t = schema.reviewAssignments;
  const conds = [
    where.submissionId ? eq(t.submissionId, where.submissionId) : undefined,
    where.callId ? eq(t.callId, where.callId) : undefined,
    where.id ? eq(t.id, where.id) : undefined,
  ].filter((c) => c !== undefined);
  return ctx.handle.db
    .select()
    .from(t)
    .where(and(...conds))
    .orderBy(asc(t.id));
};
const relationsTo = async (organizationId: string) =>
  (await ctx.handle.db.select().from(schema.reviewerRelations).where(eq(schema.reviewerRelations.organizationId, organizationId))).map(
    (r) => ({ reviewerUserId: r.reviewerUserId, note: r.note }),
  );
const entryVersions = async (seq: number) =>
  (
    await ctx.handle.db
      .select()
      .from(schema.batchEntries)
      .where(and(eq(schema.batchEntries.batchId, batchId), eq(schema.batchEntries.seq, seq)))
      .orderBy(asc(schema.batchEntries.version))
  ).map((e) => ({ version: e.version, isCurrent: e.isCurrent, description: e.description, erratum: e.erratum }));
const batchesOf = async (callId: string) =>
  (await ctx.handle.db.select({ id: schema.batches.id }).from(schema.batches).where(eq(schema.batches.callId, callId))).length;
const BENCHMARK_RESULTS = '上线后检测准确率达到98.5%，替代人工目检八成工作量。';
/** One 标杆案例清单 batch of a fresh accepted item, published once by the operator for the rows that read or correct it. */
let benchmarkBatchP: Promise<string> | undefined;
const benchmarkBatchId = () =>
  (benchmarkBatchP ??= fx.accepted().then(async (id) => {
    const res = await clients.operator.post('/api/v1/benchmark-batches', { items: [{ submissionId: id, resultsText: BENCHMARK_RESULTS }] });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  }));
const benchmarksOf = async (submissionId: string) =>
  (
    await ctx.handle.db
      .select({ id: schema.benchmarkCases.id })
      .from(schema.benchmarkCases)
      .where(eq(schema.benchmarkCases.submissionId, submissionId))
  ).length;
let previewCallId: Promise<string> | undefined;
const previewCall = () => (previewCallId ??= fx.selectedInCall(1).then((r) => r.callId));
const callStatusOf = async (id: string) => (await clients.operator.get(`/api/v1/calls/${id}`)).json().status as string;
const idsOf = (res: LightMyRequestResponse) => (res.json().items as { id: string }[]).map((x) => x.id);

/** A 公示 of a call's selected items (A's), started by the API, with its window well ahead. */
const runningPublicity = async () => {
  const { callId } = await fx.selectedInCall(1);
  const p = (await clients.operator.post('/api/v1/publicities', { subjectKind: 'call_selection', subjectId: callId })).json() as {
    id: string;
    items: { id: string }[];
  };
  const now = ctx.services.now().getTime();
  // Running for 30 days whatever today's date (the start itself is the transition row's).
  await ctx.handle.db
    .update(schema.publicities)
    .set({ status: 'running', startedAt: new Date(now - 60_000), endsAt: new Date(now + 30 * 86_400_000) })
    .where(eq(schema.publicities.id, p.id));
  return { id: p.id, item: p.items[0]!.id };
};
let publicitiesFx: Promise<{ running: { id: string; item: string }; draft: string }> | undefined;
const publicities = () =>
  (publicitiesFx ??= (async () => ({
    running: await runningPublicity(),
    draft: (
      await clients.operator.post('/api/v1/publicities', { subjectKind: 'call_selection', subjectId: (await fx.selectedInCall(1)).callId })
    ).json().id as string,
  }))());
const objectionText = (itemId: string) => ({ itemId, reasons: '矩阵测试：该条目的申报材料与实际情况不符。', contact: '13800138000' });
const publicityCount = async () => (await ctx.handle.db.select({ n: count() }).from(schema.publicities))[0]!.n;
const objectionsCount = async () => (await ctx.handle.db.select({ n: count() }).from(schema.publicityObjections))[0]!.n;

let challengesA: Promise<{ open: string; draft: string }> | undefined;
/** One open challenge and one draft of org A, made once. */
const challengesOfA = () =>
  (challengesA ??= (async () => ({
    open: (await makeChallenge(ctx.services, orgA.id, { status: 'open' })).id,
    draft: (await makeChallenge(ctx.services, orgA.id)).id,
  }))());
const challengeRow = async (id: string) => (await ctx.handle.db.select().from(schema.challenges).where(eq(schema.challenges.id, id)))[0]!;
/** An open challenge of a third organisation, room for many open applications per organisation. */
const challengeOfOther = async () =>
  (
    await makeChallenge(ctx.services, (await makeOrganization(ctx.services)).id, {
      status: 'open',
      input: { eligibility: { maxOpenApplicationsPerOrganization: 20, excludeDishonest: true } },
    })
  ).id;
const applicationBody = (over: Record<string, unknown> = {}) => ({
  plan: '矩阵测试的实施方案：部署在线检测系统并完成产线联调与验收。',
  teamLeader: { name: '李四', title: '首席工程师', phone: '13900139000' },
  quoteFen: 100_000,
  schedule: [{ plannedDate: '2099-03-01' }, { plannedDate: '2099-09-30' }],
  memberOrganizationIds: [],
  ...over,
});
/** A new application of org A (as lead) to a fresh challenge of another organisation. */
async function applicationOfA(opts: { submit?: boolean; members?: string[] } = {}): Promise<string> {
  const res = await adminA.post(
    `/api/v1/challenges/${await challengeOfOther()}/applications`,
    applicationBody({ memberOrganizationIds: opts.members ?? [] }),
  );
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  if (opts.submit) expect((await adminA.post(`/api/v1/applications/${id}/transitions`, { action: 'submit' })).statusCode).toBe(200);
  return id;
}
const applicationRow = async (id: string) =>
  (await ctx.handle.db.select().from(schema.applications).where(eq(schema.applications.id, id)))[0]!;

/** A fresh challenge of A under review with one application of B; with `reviewerId`, that reviewer's application review of it. */
async function appUnderReview(reviewerId?: string) {
  const challengeId = (await makeChallenge(ctx.services, orgA.id, { status: 'under_review' })).id;
  const applicationId = (await makeApplication(ctx.services, challengeId, orgB.id)).id;
  const [review] = reviewerId
    ? await insertApplicationReviews(ctx.handle.db, [{ challengeId, applicationId, reviewerUserId: reviewerId, status: 'assigned' }])
    : [];
  return { challengeId, applicationId, reviewId: review?.id ?? '' };
}
let appReviewShared: Promise<{ challengeId: string; applicationId: string; reviewId: string; otherReviewId: string }> | undefined;
/** One challenge under review whose application both reviewers review, made once (read-only rows). */
const appReviewFx = () =>
  (appReviewShared ??= (async () => {
    const f = await appUnderReview(users.reviewer.id);
    const [other] = await insertApplicationReviews(ctx.handle.db, [
      { challengeId: f.challengeId, applicationId: f.applicationId, reviewerUserId: otherReviewer.id, status: 'assigned' },
    ]);
    return { ...f, otherReviewId: other!.id };
  })());
const appReviewsOf = (challengeId: string) =>
  ctx.handle.db
    .select()
    .from(schema.applicationReviews)
    .where(eq(schema.applicationReviews.challengeId, challengeId))
    .orderBy(asc(schema.applicationReviews.id));
const slotsOf = (challengeId: string) =>
  ctx.handle.db
    .select()
    .from(schema.defenceSlots)
    .where(eq(schema.defenceSlots.challengeId, challengeId))
    .orderBy(asc(schema.defenceSlots.id));
const defenceSlotBody = (applicationId: string, room = '矩阵测试会议室') => ({
  startsAt: new Date(ctx.services.now().getTime() + 48 * 3600_000).toISOString(),
  endsAt: new Date(ctx.services.now().getTime() + 49 * 3600_000).toISOString(),
  room,
  applicationIds: [applicationId],
});
async function scheduledSlot() {
  const f = await appUnderReview();
  const res = await clients.operator.post(`/api/v1/challenges/${f.challengeId}/defence-slots`, defenceSlotBody(f.applicationId));
  expect(res.statusCode, res.body).toBe(201);
  return { ...f, slotId: res.json().id as string };
}
const APP_SCORES = { scores: { advancement: 80, feasibility: 80, capability: 80, pricing: 80 }, comments: {}, submit: true };

const SCORES = {
  scores: { urgency: 80, demonstration: 70, feasibility: 90, openness: 60 },
  comments: { urgency: '矩阵测试评语' },
  submit: true,
};
const CONFLICT = { reason: '与申报单位存在合作关系（矩阵测试）' };

/** Sends a transition of one of A's items; checks the new state when allowed and no change when refused. */
async function operatorTransition(c: Client, id: string, body: { action: string; reason?: string }, to: string) {
  const res = await guarded(
    () => statusOf(id),
    () => c.post(`/api/v1/submissions/${id}/transitions`, body),
  );
  if (ok(res)) expect(await statusOf(id)).toBe(to);
  return res;
}

const applicationFilesOf = async (id: string) =>
  ((await adminA.get(`/api/v1/applications/${id}`)).json().attachments as { id: string }[]).map((x) => x.id);
const uploadToApplicationOfA = async (id: string) => {
  const res = await adminA.request('POST', `/api/v1/applications/${id}/attachments`, undefined, multipart('申报材料.pdf', PDF));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};
let applicationFiles: Promise<Record<'draft' | 'submitted', { applicationId: string; fileId: string }>> | undefined;
/** A draft and a submitted application of A, each with one file; made once (the refused rows change nothing). */
const applicationFilesOfA = () =>
  (applicationFiles ??= (async () => {
    const draft = await applicationOfA();
    const submitted = await applicationOfA();
    const files = { draft: await uploadToApplicationOfA(draft), submitted: await uploadToApplicationOfA(submitted) };
    expect((await adminA.post(`/api/v1/applications/${submitted}/transitions`, { action: 'submit' })).statusCode).toBe(200);
    return {
      draft: { applicationId: draft, fileId: files.draft },
      submitted: { applicationId: submitted, fileId: files.submitted },
    };
  })());
let reviewedFile: Promise<string> | undefined;
/** A file of the application both reviewers review (B's, to A's challenge), written directly. */
const fileOfReviewedApplication = () =>
  (reviewedFile ??= (async () =>
    (
      await insertApplicationAttachment(ctx.handle.db, {
        applicationId: (await appReviewFx()).applicationId,
        filename: '评审材料.pdf',
        mediaType: 'application/pdf',
        size: PDF.length,
        sha256: 'matrix',
        content: PDF,
      })
    ).id)());

const attachmentIdsOf = async (id: string) =>
  ((await adminA.get(`/api/v1/submissions/${id}`)).json().attachments as { id: string }[]).map((x) => x.id);

let licenceA: Promise<string> | undefined;
/** A licence file of org A (approved, so stored directly: uploads are for organisations under review). */
const licenceOfA = () =>
  (licenceA ??= insertOrganizationLicence(ctx.handle.db, {
    organizationId: orgA.id,
    filename: '营业执照.pdf',
    mediaType: 'application/pdf',
    size: PDF.length,
    sha256: 'matrix',
    content: PDF,
  }).then((l) => l.id));

const qualificationsOfA = () =>
  ctx.handle.db
    .select()
    .from(schema.organizationQualifications)
    .where(eq(schema.organizationQualifications.organizationId, orgA.id))
    .orderBy(asc(schema.organizationQualifications.id));

let seq = 0;
function registration() {
  seq++;
  return {
    name: `矩阵注册机构${seq}`,
    creditCode: randomCreditCode(),
    kind: 'university',
    regionCode: '500106',
    contactName: '吴老师',
    contactPhone: '13700137000',
    admin: { email: `matrix-reg${seq}-${randomBytes(3).toString('hex')}@test.example.cn`, displayName: '吴老师', password: TEST_PASSWORD },
  };
}

type Sender = (who: Caller, c: Client) => Promise<LightMyRequestResponse>;

const SEND: Record<string, Sender> = {
  'GET /meta | -': (_, c) => c.get('/api/v1/meta'),
  'POST /auth/login | a valid account': async (_, c) => {
    const res = await c.post('/api/v1/auth/login', { email: loginTarget.email, password: TEST_PASSWORD });
    if (ok(res)) expect(res.json().user.id).toBe(loginTarget.id);
    return res;
  },
  'POST /auth/logout | own session': async (who, c) => {
    if (who === 'anon') return c.post('/api/v1/auth/logout');
    const session = await login(ctx.app, users[who].email);
    const res = await session.post('/api/v1/auth/logout');
    if (ok(res)) expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    return res;
  },
  'GET /auth/me | -': async (who, c) => {
    const res = await c.get('/api/v1/auth/me');
    if (who !== 'anon' && ok(res)) expect(res.json().user.id).toBe(users[who].id);
    return res;
  },
  'POST /auth/password | own account': async (who, c) => {
    const body = { currentPassword: TEST_PASSWORD, newPassword: 'Matrix2026newpass' };
    if (who === 'anon') return c.post('/api/v1/auth/password', body);
    const { user, client } = await freshOf(who);
    const res = await client.post('/api/v1/auth/password', body);
    const attempt = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: 'Matrix2026newpass' },
    });
    expect(attempt.statusCode).toBe(ok(res) ? 200 : 401);
    return res;
  },
  'POST /organizations/register | new organisation': (_, c) => c.post('/api/v1/organizations/register', registration()),
  'GET /organizations | -': (_, c) => c.get('/api/v1/organizations'),
  'GET /organizations/export.xlsx | -': (_, c) => c.get('/api/v1/organizations/export.xlsx'),
  'GET /organizations/:id | org A': (_, c) => c.get(`/api/v1/organizations/${orgA.id}`),
  'POST /organizations/:id/transitions | pending org, approve': async (who, c) => {
    const pending = await makeOrganization(ctx.services, { status: 'pending' });
    const client = who === 'member' ? await login(ctx.app, (await makeUser(ctx.services, pending.id, ['org_member'])).email) : c;
    const status = async () => (await clients.operator.get(`/api/v1/organizations/${pending.id}`)).json().status as string;
    const res = await guarded(status, () => client.post(`/api/v1/organizations/${pending.id}/transitions`, { action: 'approve' }));
    expect(await status()).toBe(ok(res) ? 'approved' : 'pending');
    return res;
  },
  'GET /organizations/:id/users | org A': (_, c) => c.get(`/api/v1/organizations/${orgA.id}/users`),
  'POST /organizations/:id/users | org A, new org_member': (_, c) =>
    guarded(
      async () => (await clients.operator.get(`/api/v1/organizations/${orgA.id}/users`)).json().items.length,
      () =>
        c.post(`/api/v1/organizations/${orgA.id}/users`, {
          email: `matrix-user-${randomBytes(4).toString('hex')}@test.example.cn`,
          displayName: '矩阵成员',
          password: 'Matrix2026pass',
          roles: ['org_member'],
        }),
    ),
  'POST /organizations/:id/licences | pending org, PDF': async (who, c) => {
    // The upload is the pending organisation's admin's (organization-licences.test.ts); its member is refused.
    const pending = await makeOrganization(ctx.services, { status: 'pending' });
    const client = who === 'member' ? await login(ctx.app, (await makeUser(ctx.services, pending.id, ['org_member'])).email) : c;
    return guarded(
      async () => (await listOrganizationLicences(ctx.handle.db, pending.id)).length,
      () => client.request('POST', `/api/v1/organizations/${pending.id}/licences`, undefined, multipart('营业执照.pdf', PDF)),
    );
  },
  'GET /organizations/:id/licences | org A': async (_, c) => {
    const licenceId = await licenceOfA();
    const res = await c.get(`/api/v1/organizations/${orgA.id}/licences`);
    if (ok(res)) expect(idsOf(res)).toContain(licenceId);
    return res;
  },
  "GET /organizations/:id/licences/:licenceId | org A's licence": async (_, c) => {
    const res = await c.get(`/api/v1/organizations/${orgA.id}/licences/${await licenceOfA()}`);
    if (ok(res)) expect(Buffer.compare(res.rawPayload, PDF)).toBe(0);
    return res;
  },
  'GET /organizations/:id/profile | org A': (_, c) => c.get(`/api/v1/organizations/${orgA.id}/profile`),
  'POST /organizations/:id/qualifications | org A, new qualification': async (_, c) => {
    await ctx.handle.db
      .delete(schema.organizationQualifications)
      .where(
        and(
          eq(schema.organizationQualifications.organizationId, orgA.id),
          eq(schema.organizationQualifications.code, 'software_enterprise'),
        ),
      );
    return guarded(
      () => qualificationsOfA(),
      () => c.post(`/api/v1/organizations/${orgA.id}/qualifications`, { code: 'software_enterprise', validUntil: '2030-12-31' }),
    );
  },
  "DELETE /organizations/:id/qualifications/:qualificationId | org A's qualification": async (_, c) => {
    await ctx.handle.db
      .delete(schema.organizationQualifications)
      .where(and(eq(schema.organizationQualifications.organizationId, orgA.id), eq(schema.organizationQualifications.code, 'iso27001')));
    const q = (await insertOrganizationQualification(ctx.handle.db, { organizationId: orgA.id, code: 'iso27001' }))!;
    const res = await guarded(
      () => qualificationsOfA(),
      () => c.delete(`/api/v1/organizations/${orgA.id}/qualifications/${q.id}`),
    );
    if (ok(res)) expect((await qualificationsOfA()).map((x) => x.id)).not.toContain(q.id);
    return res;
  },
  'PUT /organizations/:id/dishonesty | org A, clear the flag': (_, c) =>
    guarded(
      async () =>
        (
          await ctx.handle.db
            .select()
            .from(schema.organizationDishonestyFlags)
            .where(eq(schema.organizationDishonestyFlags.organizationId, orgA.id))
        )[0] ?? null,
      () =>
        c.request('PUT', `/api/v1/organizations/${orgA.id}/dishonesty`, {
          flagged: false,
          source: '信用中国',
          reason: '矩阵测试：未列入失信名单',
        }),
    ),
  'POST /eligibility/check | own organisation': async (_, c) => {
    const res = await c.post('/api/v1/eligibility/check', { rules: { excludeDishonest: true } });
    if (ok(res)) expect(res.json().checks.map((x: { rule: string }) => x.rule)).toEqual(['excludeDishonest']);
    return res;
  },
  'POST /eligibility/check | org A': async (_, c) => {
    const res = await c.post('/api/v1/eligibility/check', { rules: { excludeDishonest: true }, organizationId: orgA.id });
    if (ok(res)) expect(res.json().organizationId).toBe(orgA.id);
    return res;
  },
  'POST /eligibility/overrides | org A, a new challenge': (_, c) =>
    guarded(
      async () => (await ctx.handle.db.select({ n: count() }).from(schema.eligibilityOverrides))[0]!.n,
      () =>
        c.post('/api/v1/eligibility/overrides', {
          organizationId: orgA.id,
          challengeRef: `matrix-${randomBytes(4).toString('hex')}`,
          reason: '矩阵测试：经复核同意参与',
        }),
    ),
  'GET /calls | -': async (who, c) => {
    const res = await c.get('/api/v1/calls?pageSize=100');
    const ids = (res.json().items as { id: string }[]).map((x) => x.id);
    expect(ids).toContain(openCallId);
    expect(ids.includes(draftCallId)).toBe(who === 'operator');
    return res;
  },
  'GET /calls/:id | open call': (_, c) => c.get(`/api/v1/calls/${openCallId}`),
  'GET /calls/:id | draft call': (_, c) => c.get(`/api/v1/calls/${draftCallId}`),
  'POST /calls | new call': (_, c) =>
    guarded(
      async () => (await clients.operator.get('/api/v1/calls?pageSize=1')).json().total,
      () => c.post('/api/v1/calls', callInput()),
    ),
  'PATCH /calls/:id | draft call': async (_, c) => {
    const id = (await makeCall(ctx.services, { status: 'draft' })).id;
    return guarded(
      async () => (await clients.operator.get(`/api/v1/calls/${id}`)).json().title,
      () => c.patch(`/api/v1/calls/${id}`, callInput({ title: '矩阵测试修改后的征集' })),
    );
  },
  'POST /calls/:id/transitions | draft call, schedule': async (_, c) => {
    const id = (await makeCall(ctx.services, { status: 'draft' })).id;
    return guarded(
      async () => (await clients.operator.get(`/api/v1/calls/${id}`)).json().status,
      () => c.post(`/api/v1/calls/${id}/transitions`, { action: 'schedule' }),
    );
  },
  'GET /challenges | -': async (who, c) => {
    const { open, draft } = await challengesOfA();
    const res = await c.get('/api/v1/challenges?pageSize=100');
    expect(idsOf(res)).toContain(open);
    expect(idsOf(res).includes(draft)).toBe(who === 'member');
    return res;
  },
  'GET /challenges/export.xlsx | -': (_, c) => c.get('/api/v1/challenges/export.xlsx'),
  "GET /challenges/:id | A's open challenge": async (_, c) => c.get(`/api/v1/challenges/${(await challengesOfA()).open}`),
  "GET /challenges/:id | A's draft challenge": async (_, c) => c.get(`/api/v1/challenges/${(await challengesOfA()).draft}`),
  "GET /challenges/:id/awards | A's open challenge": async (_, c) => c.get(`/api/v1/challenges/${(await challengesOfA()).open}/awards`),
  "GET /challenges/:id/awards | A's draft challenge": async (_, c) => c.get(`/api/v1/challenges/${(await challengesOfA()).draft}/awards`),
  'GET /public/challenge-results | -': (_, c) => c.get('/api/v1/public/challenge-results'),
  'POST /challenges | new challenge': (_, c) =>
    guarded(
      async () => (await ctx.handle.db.select({ n: count() }).from(schema.challenges))[0]!.n,
      () => c.post('/api/v1/challenges', challengeInput({}, ctx.services.now())),
    ),
  "PATCH /challenges/:id | A's draft challenge": async (_, c) => {
    const id = (await makeChallenge(ctx.services, orgA.id)).id;
    return guarded(
      async () => (await challengeRow(id)).title,
      () => c.patch(`/api/v1/challenges/${id}`, challengeInput({ title: '矩阵测试修改后的榜单' }, ctx.services.now())),
    );
  },
  "POST /challenges/:id/transitions | A's draft, submit_for_review": async (_, c) => {
    const id = (await makeChallenge(ctx.services, orgA.id)).id;
    const res = await guarded(
      async () => (await challengeRow(id)).status,
      () => c.post(`/api/v1/challenges/${id}/transitions`, { action: 'submit_for_review' }),
    );
    if (ok(res)) expect((await challengeRow(id)).status).toBe('pending_review');
    return res;
  },
  "POST /challenges/:id/transitions | A's pending challenge, approve": async (_, c) => {
    const id = (await makeChallenge(ctx.services, orgA.id, { status: 'pending_review' })).id;
    const res = await guarded(
      async () => (await challengeRow(id)).status,
      () => c.post(`/api/v1/challenges/${id}/transitions`, { action: 'approve' }),
    );
    if (ok(res)) expect((await challengeRow(id)).status).toBe('open');
    return res;
  },
  'GET /publicities | -': async (who, c) => {
    const { running, draft } = await publicities();
    const res = await c.get('/api/v1/publicities?pageSize=100');
    expect(idsOf(res)).toContain(running.id);
    expect(idsOf(res).includes(draft)).toBe(who === 'operator');
    return res;
  },
  'GET /publicities/:id | a running publicity': async (_, c) => {
    const res = await c.get(`/api/v1/publicities/${(await publicities()).running.id}`);
    // Who objected is never in the public answer.
    expect(res.body).not.toContain('lodgedBy');
    return res;
  },
  'GET /publicities/:id | a draft publicity': async (_, c) => c.get(`/api/v1/publicities/${(await publicities()).draft}`),
  "POST /publicities | a call's selected items": async (_, c) => {
    const { callId } = await fx.selectedInCall(1);
    return guarded(publicityCount, () => c.post('/api/v1/publicities', { subjectKind: 'call_selection', subjectId: callId }));
  },
  'POST /publicities/:id/transitions | a draft publicity, start': async (_, c) => {
    const { callId } = await fx.selectedInCall(1);
    const id = (await clients.operator.post('/api/v1/publicities', { subjectKind: 'call_selection', subjectId: callId })).json()
      .id as string;
    const res = await guarded(
      async () => (await clients.operator.get(`/api/v1/publicities/${id}`)).json().status,
      () => c.post(`/api/v1/publicities/${id}/transitions`, { action: 'start' }),
    );
    if (ok(res)) expect(res.json().status).toBe('running');
    return res;
  },
  'GET /publicities/:id/objections | a running publicity': async (_, c) =>
    c.get(`/api/v1/publicities/${(await publicities()).running.id}/objections`),
  'GET /publicities/:id/objections/export.xlsx | a running publicity': async (_, c) =>
    c.get(`/api/v1/publicities/${(await publicities()).running.id}/objections/export.xlsx`),
  "POST /publicities/:id/objections | a running publicity, A's item": async (_, c) => {
    const { running } = await publicities();
    return guarded(objectionsCount, () => c.post(`/api/v1/publicities/${running.id}/objections`, objectionText(running.item)));
  },
  'GET /publicity-objections/mine | -': (_, c) => c.get('/api/v1/publicity-objections/mine'),
  'POST /publicity-objections/:id/decision | a pending objection, dismiss': async (_, c) => {
    const { running } = await publicities();
    const o = (await clients.outsider.post(`/api/v1/publicities/${running.id}/objections`, objectionText(running.item))).json()
      .id as string;
    const status = async () =>
      (await ctx.handle.db.select().from(schema.publicityObjections).where(eq(schema.publicityObjections.id, o)))[0]!.status;
    const res = await guarded(status, () =>
      c.post(`/api/v1/publicity-objections/${o}/decision`, { action: 'dismiss', reason: '矩阵测试：异议不成立' }),
    );
    if (ok(res)) expect(await status()).toBe('dismissed');
    return res;
  },
  "GET /challenges/:id/applications | A's open challenge, before its deadline": async (_, c) =>
    c.get(`/api/v1/challenges/${(await challengesOfA()).open}/applications`),
  "GET /challenges/:id/applications/export.xlsx | A's open challenge, before its deadline": async (_, c) =>
    c.get(`/api/v1/challenges/${(await challengesOfA()).open}/applications/export.xlsx`),
  "POST /challenges/:id/applications | another org's open challenge": async (_, c) => {
    const id = await challengeOfOther();
    return guarded(
      async () => (await ctx.handle.db.select({ n: count() }).from(schema.applications))[0]!.n,
      () => c.post(`/api/v1/challenges/${id}/applications`, applicationBody()),
    );
  },
  'GET /applications | -': (_, c) => c.get('/api/v1/applications'),
  'GET /consortium-partners | -': (_, c) => c.get('/api/v1/consortium-partners?q=%E6%B5%8B%E8%AF%95'),
  "GET /applications/:id | A's draft application": async (_, c) => c.get(`/api/v1/applications/${await applicationOfA()}`),
  "GET /applications/:id | A's submitted application": async (_, c) =>
    c.get(`/api/v1/applications/${await applicationOfA({ submit: true })}`),
  "PATCH /applications/:id | A's draft application": async (_, c) => {
    const id = await applicationOfA();
    return guarded(
      async () => (await applicationRow(id)).quoteFen,
      () => c.patch(`/api/v1/applications/${id}`, applicationBody({ quoteFen: 1_000 })),
    );
  },
  "POST /applications/:id/transitions | A's draft application, submit": async (_, c) => {
    const id = await applicationOfA();
    const res = await guarded(
      async () => (await applicationRow(id)).status,
      () => c.post(`/api/v1/applications/${id}/transitions`, { action: 'submit' }),
    );
    if (ok(res)) expect((await applicationRow(id)).status).toBe('submitted');
    return res;
  },
  "POST /applications/:id/transitions | A's submitted application, shortlist": async (_, c) => {
    const id = await applicationOfA({ submit: true });
    // Shortlisting happens in review.
    await ctx.handle.db
      .update(schema.challenges)
      .set({ status: 'under_review' })
      .where(eq(schema.challenges.id, (await applicationRow(id)).challengeId));
    const res = await guarded(
      async () => (await applicationRow(id)).status,
      () => c.post(`/api/v1/applications/${id}/transitions`, { action: 'shortlist' }),
    );
    if (ok(res)) expect((await applicationRow(id)).status).toBe('shortlisted');
    return res;
  },
  // Task agreements (任务书): delivery, acceptance, payments
  'GET /awards | -': (_, c) => c.get('/api/v1/awards'),
  'GET /awards/export.xlsx | -': (_, c) => c.get('/api/v1/awards/export.xlsx'),
  'GET /acceptance-tasks | -': (_, c) => c.get('/api/v1/acceptance-tasks'),
  "GET /awards/:id | A's award (A leads)": async (_, c) => c.get(`/api/v1/awards/${(await awardLedByA()).awardId}`),
  "GET /awards/:id | an award of A's challenge, the reviewer its expert": async (_, c) =>
    c.get(`/api/v1/awards/${(await awardOfAWithExpert()).awardId}`),
  "POST /awards/:id/start | an award of A's challenge": async (_, c) => {
    const f = await makeAward(ctx.services, { owner: { organizationId: orgA.id, userId: users.member.id } });
    const res = await guarded(
      async () => (await awardRowOf(f.awardId)).agreementStartedAt,
      () => c.post(`/api/v1/awards/${f.awardId}/start`),
    );
    if (ok(res)) expect((await awardRowOf(f.awardId)).agreementStartedAt).not.toBeNull();
    return res;
  },
  "POST /awards/:id/milestones/:milestoneId/delivery | A's started award, milestone 1": async (_, c) => {
    const f = await awardLedByA();
    const m = f.milestones[0]!.id;
    return guarded(
      async () => (await milestoneRowOf(m)).status,
      () => c.post(`/api/v1/awards/${f.awardId}/milestones/${m}/delivery`, { note: '矩阵测试交付说明', links: [] }),
    );
  },
  "POST /awards/:id/milestones/:milestoneId/acceptors | A's award, milestone 1 delivered, the reviewer": async (_, c) => {
    const f = await awardLedByA({ delivered: true });
    const m = f.milestones[0]!.id;
    return guarded(
      async () => (await ctx.handle.db.select().from(schema.milestoneAcceptors).where(eq(schema.milestoneAcceptors.milestoneId, m))).length,
      () => c.post(`/api/v1/awards/${f.awardId}/milestones/${m}/acceptors`, { userIds: [users.reviewer.id] }),
    );
  },
  "POST /awards/:id/milestones/:milestoneId/opinions | an award of A's challenge, the reviewer its expert": async (_, c) => {
    const f = await awardOfAWithExpert();
    const m = f.milestones[0]!.id;
    return guarded(
      async () =>
        (await ctx.handle.db.select().from(schema.milestoneAcceptors).where(eq(schema.milestoneAcceptors.milestoneId, m))).map(
          (x) => x.verdict,
        ),
      () => c.post(`/api/v1/awards/${f.awardId}/milestones/${m}/opinions`, { verdict: 'pass', score: 88 }),
    );
  },
  "POST /awards/:id/payments | A's award, milestone 1 passed": async (who, c) => {
    const f = await awardLedByA({ firstStatus: 'passed' });
    const body = {
      milestoneId: f.milestones[0]!.id,
      amountFen: 1_000,
      paidOn: '2026-12-01',
      reference: 'PZ-矩阵',
      requestKey: `matrix-pay-${who}`,
    };
    const res = await guarded(
      async () => (await awardRowOf(f.awardId)).paidFen,
      () => c.post(`/api/v1/awards/${f.awardId}/payments`, body),
    );
    if (ok(res)) expect((await awardRowOf(f.awardId)).paidFen).toBe(1_000);
    return res;
  },
  "POST /awards/:id/elimination | A's 赛马 award, checkpoint concluded": async (_, c) => {
    const f = await awardLedByA({ firstStatus: 'failed', horseRace: true });
    const res = await guarded(
      async () => (await awardRowOf(f.awardId)).status,
      () => c.post(`/api/v1/awards/${f.awardId}/elimination`, { reason: '检查点指标未达到要求' }),
    );
    if (ok(res)) expect((await awardRowOf(f.awardId)).status).toBe('eliminated');
    return res;
  },
  "POST /applications/:id/membership | A's draft application, B invited, confirm": async (_, c) => {
    const id = await applicationOfA({ members: [orgB.id] });
    return guarded(
      async () =>
        (await ctx.handle.db.select().from(schema.applicationParticipants).where(eq(schema.applicationParticipants.applicationId, id))).map(
          (p) => p.status,
        ),
      () => c.post(`/api/v1/applications/${id}/membership`, { decision: 'confirm' }),
    );
  },
  "POST /applications/:id/attachments | A's draft application": async (_, c) => {
    const { applicationId } = (await applicationFilesOfA()).draft;
    return guarded(
      () => applicationFilesOf(applicationId),
      () => c.request('POST', `/api/v1/applications/${applicationId}/attachments`, undefined, multipart('矩阵.pdf', PDF)),
    );
  },
  "POST /applications/:id/attachments | A's submitted application": async (_, c) => {
    const { applicationId } = (await applicationFilesOfA()).submitted;
    return guarded(
      () => applicationFilesOf(applicationId),
      () => c.request('POST', `/api/v1/applications/${applicationId}/attachments`, undefined, multipart('矩阵.pdf', PDF)),
    );
  },
  "GET /application-attachments/:id | on A's draft application": async (_, c) =>
    c.get(`/api/v1/application-attachments/${(await applicationFilesOfA()).draft.fileId}`),
  "GET /application-attachments/:id | on A's submitted application": async (_, c) => {
    const res = await c.get(`/api/v1/application-attachments/${(await applicationFilesOfA()).submitted.fileId}`);
    if (ok(res)) expect(Buffer.compare(res.rawPayload, PDF)).toBe(0);
    return res;
  },
  "GET /application-attachments/:id | on B's application, the reviewer's": async (_, c) =>
    c.get(`/api/v1/application-attachments/${await fileOfReviewedApplication()}`),
  "DELETE /application-attachments/:id | on A's draft application": async (_, c) => {
    const { applicationId } = (await applicationFilesOfA()).draft;
    const fileId = await uploadToApplicationOfA(applicationId);
    const res = await guarded(
      () => applicationFilesOf(applicationId),
      () => c.delete(`/api/v1/application-attachments/${fileId}`),
    );
    expect((await applicationFilesOf(applicationId)).includes(fileId)).toBe(!ok(res));
    return res;
  },
  'GET /submissions | -': async (who, c) => {
    const res = await c.get('/api/v1/submissions?pageSize=100');
    if (ok(res)) {
      const ids = (res.json().items as { id: string }[]).map((x) => x.id);
      expect(ids.includes(submittedA)).toBe(who === 'member' || who === 'operator');
      expect(ids.includes(draftA)).toBe(who === 'member');
    }
    return res;
  },
  'GET /submissions/export.xlsx | -': async (who, c) => {
    const res = await c.get('/api/v1/submissions/export.xlsx');
    if (ok(res)) {
      const title = async (id: string) => (await adminA.get(`/api/v1/submissions/${id}`)).json().title as string;
      const file = await readExport(res);
      const titles = file.rows.map((r) => r[file.header.indexOf('项目名称')]);
      expect(titles.includes(await title(submittedA))).toBe(who === 'member' || who === 'operator');
      expect(titles.includes(await title(draftA))).toBe(who === 'member');
    }
    return res;
  },
  'POST /submissions | draft in the open call': (_, c) =>
    guarded(submissionCount, () => c.post('/api/v1/submissions', { callId: openCallId, data: { title: '矩阵测试草稿' } })),
  "GET /submissions/:id | A's submitted": (_, c) => c.get(`/api/v1/submissions/${submittedA}`),
  "GET /submissions/:id | A's draft": (_, c) => c.get(`/api/v1/submissions/${draftA}`),
  "PATCH /submissions/:id | A's draft": (who, c) =>
    guarded(
      async () => (await adminA.get(`/api/v1/submissions/${draftA}`)).json().data,
      () => c.patch(`/api/v1/submissions/${draftA}`, { data: scenarioNeedData({ title: `矩阵修改${who}` }) }),
    ),
  "POST /submissions/:id/transitions | A's draft, submit": async (_, c) => {
    const id = await newSubmissionOfA(false);
    const res = await guarded(
      () => statusOf(id),
      () => c.post(`/api/v1/submissions/${id}/transitions`, { action: 'submit' }),
    );
    if (ok(res)) expect(await statusOf(id)).toBe('submitted');
    return res;
  },
  "POST /submissions/:id/transitions | A's submitted, return": async (_, c) => {
    const id = await newSubmissionOfA(true);
    const res = await guarded(
      () => statusOf(id),
      () => c.post(`/api/v1/submissions/${id}/transitions`, { action: 'return_for_revision', reason: '矩阵测试退回' }),
    );
    if (ok(res)) expect(await statusOf(id)).toBe('returned_for_revision');
    return res;
  },
  "POST /submissions/:id/transitions | A's in_review, select": async (who, c) => {
    const item = await fx.inReview();
    // The reviewer column is the reviewer assigned to this very item: being assigned opens no submission route.
    if (who === 'reviewer') await fx.assign(item, users.reviewer.id);
    return operatorTransition(c, item.id, { action: 'select' }, 'selected');
  },
  "POST /submissions/:id/transitions | A's in_review, reject": async (_, c) =>
    operatorTransition(c, (await fx.inReview()).id, { action: 'reject', reason: '矩阵测试不入选' }, 'rejected'),
  "POST /submissions/:id/transitions | A's published, award": async (_, c) =>
    operatorTransition(c, await fx.published(), { action: 'award' }, 'awarded'),
  "POST /submissions/:id/transitions | A's awarded, start_delivery": async (_, c) =>
    operatorTransition(c, await fx.awarded(), { action: 'start_delivery' }, 'in_delivery'),
  "POST /submissions/:id/transitions | A's in_delivery, accept": async (_, c) =>
    operatorTransition(c, await fx.inDelivery(), { action: 'accept' }, 'accepted'),
  "GET /submissions/:id/history | A's submitted": (_, c) => c.get(`/api/v1/submissions/${submittedA}/history`),
  "POST /submissions/:id/attachments | A's draft": (_, c) =>
    guarded(
      () => attachmentIdsOf(draftA),
      () => c.request('POST', `/api/v1/submissions/${draftA}/attachments`, undefined, multipart('矩阵.pdf', PDF)),
    ),
  "POST /submissions/:id/attachments | A's submitted": (_, c) =>
    guarded(
      () => attachmentIdsOf(submittedA),
      () => c.request('POST', `/api/v1/submissions/${submittedA}/attachments`, undefined, multipart('矩阵.pdf', PDF)),
    ),
  "GET /attachments/:id | on A's submitted": async (_, c) => {
    const res = await c.get(`/api/v1/attachments/${attOnSubmitted}`);
    if (ok(res)) expect(Buffer.compare(res.rawPayload, PDF)).toBe(0);
    return res;
  },
  "GET /attachments/:id | on A's item, the reviewer's": async (_, c) => {
    // The reviewer's assignment detail lists this file by id and the web review page links it here.
    expect(
      (await clients.reviewer.get(`/api/v1/reviews/assignments/${ownAssignment}`))
        .json()
        .submission.attachments.map((f: { id: string }) => f.id),
    ).toEqual([attOnReviewed]);
    const res = await c.get(`/api/v1/attachments/${attOnReviewed}`);
    if (ok(res)) expect(Buffer.compare(res.rawPayload, PDF)).toBe(0);
    return res;
  },
  "GET /attachments/:id | on A's draft": (_, c) => c.get(`/api/v1/attachments/${attOnDraft}`),
  "DELETE /attachments/:id | on A's draft": async (_, c) => {
    const attId = await uploadToA(draftA);
    const res = await guarded(
      () => attachmentIdsOf(draftA),
      () => c.delete(`/api/v1/attachments/${attId}`),
    );
    expect((await attachmentIdsOf(draftA)).includes(attId)).toBe(!ok(res));
    return res;
  },
  'GET /imports/template | scenario_need': (_, c) => c.get('/api/v1/imports/template?listType=scenario_need'),
  'POST /imports | open call, dry run': (_, c) =>
    guarded(submissionCount, () =>
      c.request('POST', `/api/v1/imports?callId=${openCallId}&mode=dry_run`, undefined, multipart('导入.xlsx', template!)),
    ),
  'GET /audit | -': (_, c) => c.get('/api/v1/audit'),
  'GET /audit/export.xlsx | -': (_, c) => c.get('/api/v1/audit/export.xlsx'),
  'GET /audit/people | -': (_, c) => c.get('/api/v1/audit/people?q=test'),
  'GET /audit/verify | -': (_, c) => c.get('/api/v1/audit/verify'),

  // Review: operator side
  'POST /calls/:id/assignments/auto | call in review, none assigned': async (_, c) => {
    const { callId } = await fx.callInReview(1);
    const res = await guarded(
      () => assignmentsOf({ callId }),
      () => c.post(`/api/v1/calls/${callId}/assignments/auto`, {}),
    );
    if (ok(res)) {
      expect(res.json().created).toBeGreaterThan(0);
      expect(await assignmentsOf({ callId })).toHaveLength(res.json().created as number);
    }
    return res;
  },
  "POST /calls/:id/assignments | A's in_review + the reviewer": async (_, c) => {
    const item = await fx.inReview();
    const res = await guarded(
      () => assignmentsOf({ submissionId: item.id }),
      () => c.post(`/api/v1/calls/${item.callId}/assignments`, { submissionId: item.id, reviewerUserId: users.reviewer.id }),
    );
    if (ok(res))
      expect(await assignmentsOf({ submissionId: item.id })).toEqual([
        expect.objectContaining({ reviewerUserId: users.reviewer.id, status: 'assigned' }),
      ]);
    return res;
  },
  "DELETE /review-assignments/:id | the reviewer's, unscored": async (_, c) => {
    const id = await fx.assign(await fx.inReview(), users.reviewer.id);
    const res = await guarded(
      () => assignmentsOf({ id }),
      () => c.delete(`/api/v1/review-assignments/${id}`),
    );
    expect(await assignmentsOf({ id })).toHaveLength(ok(res) ? 0 : 1);
    return res;
  },
  'GET /calls/:id/ranking | call in review': async (_, c) => {
    const res = await c.get(`/api/v1/calls/${rankedCallId}/ranking`);
    if (ok(res)) {
      const items = res.json().items as { id: string; reviews: { assignmentId: string }[] }[];
      expect(items.map((i) => i.id)).toEqual([rankedItem]);
      expect(items[0]!.reviews.map((r) => r.assignmentId).sort()).toEqual([ownAssignment, otherAssignment].sort());
    }
    return res;
  },
  'GET /calls/:id/ranking/export.xlsx | call in review': async (_, c) => {
    const res = await c.get(`/api/v1/calls/${rankedCallId}/ranking/export.xlsx`);
    if (ok(res)) expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return res;
  },
  "POST /calls/:id/selection | A's in_review, select": async (_, c) => {
    const item = await fx.inReview();
    const res = await guarded(
      () => statusOf(item.id),
      () => c.post(`/api/v1/calls/${item.callId}/selection`, { submissionIds: [item.id], action: 'select' }),
    );
    if (ok(res)) expect(await statusOf(item.id)).toBe('selected');
    return res;
  },
  'GET /reviewers | -': async (_, c) => {
    const res = await c.get('/api/v1/reviewers');
    if (ok(res)) expect(idsOf(res)).toEqual(expect.arrayContaining([users.reviewer.id, otherReviewer.id]));
    return res;
  },

  // Review of 揭榜 applications: operator side
  "POST /challenges/:id/review/assignments/auto | A's challenge under review": async (_, c) => {
    const { challengeId } = await appUnderReview();
    const res = await guarded(
      () => appReviewsOf(challengeId),
      () => c.post(`/api/v1/challenges/${challengeId}/review/assignments/auto`, { k: 1 }),
    );
    if (ok(res)) expect(await appReviewsOf(challengeId)).toHaveLength(1);
    return res;
  },
  "POST /challenges/:id/review/assignments | B's application + the reviewer": async (_, c) => {
    const { challengeId, applicationId } = await appUnderReview();
    const res = await guarded(
      () => appReviewsOf(challengeId),
      () => c.post(`/api/v1/challenges/${challengeId}/review/assignments`, { applicationId, reviewerUserId: users.reviewer.id }),
    );
    if (ok(res)) expect(await appReviewsOf(challengeId)).toEqual([expect.objectContaining({ reviewerUserId: users.reviewer.id })]);
    return res;
  },
  "DELETE /challenges/:id/review/assignments/:reviewId | the reviewer's, unscored": async (_, c) => {
    const { challengeId, reviewId } = await appUnderReview(users.reviewer.id);
    const res = await guarded(
      () => appReviewsOf(challengeId),
      () => c.delete(`/api/v1/challenges/${challengeId}/review/assignments/${reviewId}`),
    );
    expect(await appReviewsOf(challengeId)).toHaveLength(ok(res) ? 0 : 1);
    return res;
  },
  "GET /challenges/:id/review/ranking | A's challenge under review": async (_, c) => {
    const { challengeId, applicationId } = await appReviewFx();
    const res = await c.get(`/api/v1/challenges/${challengeId}/review/ranking`);
    if (ok(res)) expect(idsOf(res)).toEqual([applicationId]);
    return res;
  },
  "GET /challenges/:id/review/ranking/export.xlsx | A's challenge under review": async (_, c) =>
    c.get(`/api/v1/challenges/${(await appReviewFx()).challengeId}/review/ranking/export.xlsx`),
  "GET /challenges/:id/defence-slots | A's challenge under review": async (_, c) =>
    c.get(`/api/v1/challenges/${(await appReviewFx()).challengeId}/defence-slots`),
  "POST /challenges/:id/defence-slots | B's application, a new slot": async (_, c) => {
    const { challengeId, applicationId } = await appUnderReview();
    return guarded(
      () => slotsOf(challengeId),
      () => c.post(`/api/v1/challenges/${challengeId}/defence-slots`, defenceSlotBody(applicationId)),
    );
  },
  'PUT /challenges/:id/defence-slots/:slotId | a scheduled slot': async (_, c) => {
    const { challengeId, applicationId, slotId } = await scheduledSlot();
    return guarded(
      () => slotsOf(challengeId),
      () => put(ctx, c, `/api/v1/challenges/${challengeId}/defence-slots/${slotId}`, defenceSlotBody(applicationId, '矩阵测试会议室二')),
    );
  },
  'POST /challenges/:id/defence-slots/:slotId/cancel | a scheduled slot': async (_, c) => {
    const { challengeId, slotId } = await scheduledSlot();
    const res = await guarded(
      () => slotsOf(challengeId),
      () => c.post(`/api/v1/challenges/${challengeId}/defence-slots/${slotId}/cancel`, { reason: '矩阵测试：取消场次' }),
    );
    if (ok(res)) expect((await slotsOf(challengeId))[0]!.status).toBe('cancelled');
    return res;
  },

  // Review of 揭榜 applications: reviewer side
  'GET /application-reviews | -': async (_, c) => {
    const { reviewId, otherReviewId } = await appReviewFx();
    const res = await c.get('/api/v1/application-reviews');
    if (ok(res)) {
      expect(idsOf(res)).toContain(reviewId);
      expect(idsOf(res)).not.toContain(otherReviewId);
    }
    return res;
  },
  "GET /application-reviews/:id | the reviewer's": async (_, c) => c.get(`/api/v1/application-reviews/${(await appReviewFx()).reviewId}`),
  "GET /application-reviews/:id | another reviewer's": async (_, c) =>
    c.get(`/api/v1/application-reviews/${(await appReviewFx()).otherReviewId}`),
  "PUT /application-reviews/:id | the reviewer's, submit scores": async (_, c) => {
    const { challengeId, reviewId } = await appUnderReview(users.reviewer.id);
    const res = await guarded(
      () => appReviewsOf(challengeId),
      () => put(ctx, c, `/api/v1/application-reviews/${reviewId}`, APP_SCORES),
    );
    if (ok(res)) expect((await appReviewsOf(challengeId))[0]).toMatchObject({ status: 'submitted', weightedScore: 80 });
    return res;
  },
  "PUT /application-reviews/:id | another reviewer's, submit scores": async (_, c) => {
    const { challengeId, reviewId } = await appUnderReview(otherReviewer.id);
    return guarded(
      () => appReviewsOf(challengeId),
      () => put(ctx, c, `/api/v1/application-reviews/${reviewId}`, APP_SCORES),
    );
  },
  "POST /application-reviews/:id/conflict | the reviewer's": async (_, c) => {
    const { challengeId, reviewId } = await appUnderReview(users.reviewer.id);
    const res = await guarded(
      () => appReviewsOf(challengeId),
      () => c.post(`/api/v1/application-reviews/${reviewId}/conflict`, CONFLICT),
    );
    if (ok(res)) expect((await appReviewsOf(challengeId)).find((r) => r.id === reviewId)).toMatchObject({ status: 'conflict_declared' });
    return res;
  },

  // Review: reviewer side
  'GET /reviews/assignments | -': async (_, c) => {
    const res = await c.get('/api/v1/reviews/assignments');
    if (ok(res)) {
      expect(idsOf(res)).toContain(ownAssignment);
      expect(idsOf(res)).not.toContain(otherAssignment);
    }
    return res;
  },
  "GET /reviews/assignments/:id | the reviewer's": async (_, c) => {
    const res = await c.get(`/api/v1/reviews/assignments/${ownAssignment}`);
    if (ok(res)) expect(res.json()).toMatchObject({ id: ownAssignment, submission: { id: rankedItem } });
    return res;
  },
  "GET /reviews/assignments/:id | another reviewer's": (_, c) => c.get(`/api/v1/reviews/assignments/${otherAssignment}`),
  "PUT /reviews/assignments/:id | the reviewer's, submit scores": async (_, c) => {
    const item = await fx.inReview();
    const id = await fx.assign(item, users.reviewer.id);
    const res = await guarded(
      () => assignmentsOf({ submissionId: item.id }),
      () => put(ctx, c, `/api/v1/reviews/assignments/${id}`, SCORES),
    );
    if (ok(res)) expect((await assignmentsOf({ id }))[0]).toMatchObject({ status: 'submitted', weightedScore: 75, scores: SCORES.scores });
    return res;
  },
  "PUT /reviews/assignments/:id | another reviewer's, submit scores": async (_, c) => {
    const item = await fx.inReview();
    const id = await fx.assign(item, otherReviewer.id);
    return guarded(
      () => assignmentsOf({ submissionId: item.id }),
      () => put(ctx, c, `/api/v1/reviews/assignments/${id}`, SCORES),
    );
  },
  "POST /reviews/assignments/:id/conflict | the reviewer's": async (_, c) => {
    const item = await fx.inReview();
    const id = await fx.assign(item, users.reviewer.id);
    // Probes every assignment of the item: a refused declaration must not have reassigned it either.
    const res = await guarded(
      () => assignmentsOf({ submissionId: item.id }),
      () => c.post(`/api/v1/reviews/assignments/${id}/conflict`, CONFLICT),
    );
    if (ok(res)) expect((await assignmentsOf({ id }))[0]).toMatchObject({ status: 'conflict_declared', conflictReason: CONFLICT.reason });
    return res;
  },
  "POST /reviews/assignments/:id/conflict | another reviewer's": async (_, c) => {
    const item = await fx.inReview();
    const id = await fx.assign(item, otherReviewer.id);
    return guarded(
      () => assignmentsOf({ submissionId: item.id }),
      () => c.post(`/api/v1/reviews/assignments/${id}/conflict`, CONFLICT),
    );
  },
  'GET /reviews/relations | -': async (_, c) => {
    const res = await c.get('/api/v1/reviews/relations');
    if (ok(res)) expect((res.json().items as { organizationId: string }[]).map((r) => r.organizationId)).toContain(relatedOrg.id);
    return res;
  },
  'POST /reviews/relations | a new organisation': async (_, c) => {
    const org = await makeOrganization(ctx.services);
    const res = await guarded(
      () => relationsTo(org.id),
      () => c.post('/api/v1/reviews/relations', { organizationId: org.id, note: '矩阵测试' }),
    );
    if (ok(res)) expect(await relationsTo(org.id)).toEqual([{ reviewerUserId: users.reviewer.id, note: '矩阵测试' }]);
    return res;
  },
  "DELETE /reviews/relations/:id | the reviewer's declaration": async (_, c) => {
    const org = await makeOrganization(ctx.services);
    expect((await clients.reviewer.post('/api/v1/reviews/relations', { organizationId: org.id })).statusCode).toBe(204);
    const res = await guarded(
      () => relationsTo(org.id),
      () => c.delete(`/api/v1/reviews/relations/${org.id}`),
    );
    expect(await relationsTo(org.id)).toHaveLength(ok(res) ? 0 : 1);
    return res;
  },
  "DELETE /reviews/relations/:id | another reviewer's declaration": async (_, c) => {
    // The id names an organisation and the route withdraws only the caller's own declaration:
    // the reviewer withdraws nothing of its own (204) and the other reviewer's declaration stays.
    const org = await makeOrganization(ctx.services);
    const other = await login(ctx.app, otherReviewer.email);
    expect((await other.post('/api/v1/reviews/relations', { organizationId: org.id })).statusCode).toBe(204);
    const res = await guarded(
      () => relationsTo(org.id),
      () => c.delete(`/api/v1/reviews/relations/${org.id}`),
    );
    expect(await relationsTo(org.id)).toEqual([{ reviewerUserId: otherReviewer.id, note: null }]);
    return res;
  },

  // Publication
  "POST /calls/:id/batches | call in review, A's selected": async (_, c) => {
    const { callId, items } = await fx.selectedInCall(1);
    const probe = async () => [await callStatusOf(callId), await batchesOf(callId), await statusOf(items[0]!)];
    const res = await guarded(probe, () => c.post(`/api/v1/calls/${callId}/batches`, {}));
    if (ok(res)) expect(await probe()).toEqual(['reviewing', 1, 'published']);
    return res;
  },
  // Previews write nothing: one call with a selected item serves every caller.
  "GET /calls/:id/batches/preview | call in review, A's selected": async (_, c) => {
    const callId = await previewCall();
    const probe = async () => [await callStatusOf(callId), await batchesOf(callId)];
    const res = await guarded(probe, () => c.get(`/api/v1/calls/${callId}/batches/preview`));
    if (ok(res)) expect(res.json()).toMatchObject({ callId, entryCount: 1 });
    return res;
  },
  "GET /calls/:id/batches/preview/:format | call in review, A's selected": async (_, c) => {
    const callId = await previewCall();
    const res = await c.get(`/api/v1/calls/${callId}/batches/preview/xlsx`);
    if (ok(res)) expect(await batchesOf(callId)).toBe(0);
    return res;
  },
  'POST /batches/:id/entries/:seq/corrections | a published entry': async (who, c) => {
    const seq = CALLERS.indexOf(who) + 1; // an entry of its own for each caller
    const description = '更正后的场景描述：冲压车间每天生产零部件约两万件，需要在线视觉全检。';
    const res = await guarded(
      () => entryVersions(seq),
      () => c.post(`/api/v1/batches/${batchId}/entries/${seq}/corrections`, { description, erratum: '矩阵测试勘误说明' }),
    );
    if (ok(res)) {
      expect(res.json()).toMatchObject({ seq, version: 2, erratum: '矩阵测试勘误说明' });
      expect((await entryVersions(seq)).map((v) => [v.version, v.isCurrent])).toEqual([
        [1, false],
        [2, true],
      ]);
    }
    return res;
  },
  "POST /submissions/:id/benchmark | A's accepted": async (_, c) => {
    const id = await fx.accepted();
    const probe = async () => [await statusOf(id), await benchmarksOf(id)];
    const res = await guarded(probe, () =>
      c.post(`/api/v1/submissions/${id}/benchmark`, { resultsText: '上线后检测准确率达到98.5%，替代人工目检八成工作量。' }),
    );
    if (ok(res)) expect(await probe()).toEqual(['benchmark_case', 1]);
    return res;
  },

  // Public
  'GET /public/batches | -': async (_, c) => {
    const res = await c.get('/api/v1/public/batches?pageSize=100');
    if (ok(res)) expect(idsOf(res)).toContain(batchId);
    return res;
  },
  'GET /public/batches/:id | a published batch': async (_, c) => {
    const res = await c.get(`/api/v1/public/batches/${batchId}`);
    if (ok(res)) expect((res.json().entries as { seq: number }[]).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    return res;
  },
  'GET /public/entries | -': async (_, c) => {
    const res = await c.get(`/api/v1/public/entries?batchId=${batchId}&pageSize=100`);
    if (ok(res)) expect(res.json().total).toBe(CALLERS.length);
    return res;
  },
  'GET /public/entries/export.xlsx | -': async (_, c) => {
    const res = await c.get(`/api/v1/public/entries/export.xlsx?batchId=${batchId}`);
    if (ok(res)) expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return res;
  },
  'GET /public/entries/:id | a published entry': async (_, c) => {
    const res = await c.get(`/api/v1/public/entries/${entryId}`);
    if (ok(res)) expect(res.json()).toMatchObject({ batchId, seq: 1 });
    return res;
  },
  "POST /benchmark-batches | A's accepted": async (_, c) => {
    const id = await fx.accepted();
    const probe = async () => [await statusOf(id), await benchmarksOf(id)];
    const res = await guarded(probe, () =>
      c.post('/api/v1/benchmark-batches', { items: [{ submissionId: id, resultsText: BENCHMARK_RESULTS }] }),
    );
    if (ok(res)) expect(await probe()).toEqual(['benchmark_case', 1]);
    return res;
  },
  "POST /benchmark-batches/preview | A's accepted": async (_, c) => {
    const id = await fx.accepted();
    const probe = async () => [await statusOf(id), await benchmarksOf(id)];
    const res = await guarded(probe, () =>
      c.post('/api/v1/benchmark-batches/preview', { items: [{ submissionId: id, resultsText: BENCHMARK_RESULTS }] }),
    );
    if (ok(res)) {
      expect(res.json().entries.map((e: { submissionId: string }) => e.submissionId)).toEqual([id]);
      expect(await probe()).toEqual(['accepted', 0]);
    }
    return res;
  },
  'POST /benchmark-batches/:id/entries/:seq/corrections | a published benchmark case': async (_, c) => {
    const batch = await benchmarkBatchId();
    const versions = async () =>
      (await ctx.handle.db.select().from(schema.benchmarkEntries).where(eq(schema.benchmarkEntries.batchId, batch))).length;
    const res = await guarded(versions, () =>
      c.post(`/api/v1/benchmark-batches/${batch}/entries/1/corrections`, {
        resultsText: `${BENCHMARK_RESULTS}（更正）`,
        erratum: '矩阵测试勘误说明',
      }),
    );
    if (ok(res)) expect(res.json()).toMatchObject({ seq: 1, erratum: '矩阵测试勘误说明', isCurrent: true });
    return res;
  },
  'GET /public/benchmark-batches | -': async (_, c) => {
    const id = await benchmarkBatchId();
    const res = await c.get('/api/v1/public/benchmark-batches?pageSize=100');
    if (ok(res)) expect(idsOf(res)).toContain(id);
    return res;
  },
  'GET /public/benchmark-batches/:id | a published benchmark batch': async (_, c) => {
    const res = await c.get(`/api/v1/public/benchmark-batches/${await benchmarkBatchId()}`);
    if (ok(res)) expect(res.json().entries).toHaveLength(1);
    return res;
  },
  'GET /public/benchmark-cases | -': async (_, c) => {
    const res = await c.get('/api/v1/public/benchmark-cases?pageSize=100');
    if (ok(res)) expect(idsOf(res)).toContain(benchmarkCaseId);
    return res;
  },

  // Search and matching
  'GET /search | -': async (_, c) => {
    const res = await c.get(`/api/v1/search?q=${encodeURIComponent('矩阵测试视觉检测能力')}`);
    if (ok(res)) expect(idsOf(res)).toContain(capabilityC);
    return res;
  },
  "GET /listings/:id | A's published": (_, c) => c.get(`/api/v1/listings/${publishedNeedA}`),
  "GET /listings/:id | A's submitted": (_, c) => c.get(`/api/v1/listings/${submittedA}`),
  'POST /classify | -': (_, c) =>
    c.post('/api/v1/classify', { title: '钢板表面缺陷检测', description: '希望用机器视觉检测冷轧钢板表面缺陷。' }),
  "GET /listings/:id/matches | A's published": (_, c) => c.get(`/api/v1/listings/${publishedNeedA}/matches`),
  "GET /listings/:id/matches | A's submitted": (_, c) => c.get(`/api/v1/listings/${submittedA}/matches`),
  "GET /listings/:id/interests | A's published": (_, c) => c.get(`/api/v1/listings/${publishedNeedA}/interests`),
  "GET /listings/:id/interests/export.xlsx | A's published": (_, c) => c.get(`/api/v1/listings/${publishedNeedA}/interests/export.xlsx`),
  "POST /interests | A's need × C's capability": async (_, c) => {
    const probe = async () =>
      (await ctx.handle.db.select().from(schema.interests).where(eq(schema.interests.needId, publishedNeedA))).length;
    return guarded(probe, () =>
      c.post('/api/v1/interests', { needId: publishedNeedA, capabilityId: capabilityC, message: '矩阵测试意向' }),
    );
  },
  "POST /match-decisions | A's need, pin C's capability": async (who, c) => {
    const probe = async () =>
      (await ctx.handle.db.select().from(schema.matchDecisions).where(eq(schema.matchDecisions.sourceId, publishedNeedA))).map(
        (d) => d.reason,
      );
    return guarded(probe, () =>
      c.post('/api/v1/match-decisions', {
        sourceId: publishedNeedA,
        targetId: capabilityC,
        decision: 'pin',
        reason: `矩阵测试置顶（${who}）`,
      }),
    );
  },
  'GET /search/terms | -': (_, c) => c.get('/api/v1/search/terms'),
  'POST /search/terms | a new term': async (who, c) => {
    const probe = async () => (await ctx.handle.db.select().from(schema.searchTerms)).length;
    return guarded(probe, () => c.post('/api/v1/search/terms', { term: `矩阵词条${who}` }));
  },
  "DELETE /search/terms/:id | an operator's term": async (_, c) => {
    const id = (await clients.operator.post('/api/v1/search/terms', { term: `矩阵删除词条${++seq}` })).json().id as string;
    const probe = async () => (await ctx.handle.db.select().from(schema.searchTerms).where(eq(schema.searchTerms.id, id))).length;
    return guarded(probe, () => c.delete(`/api/v1/search/terms/${id}`));
  },
  'GET /search/synonyms | -': (_, c) => c.get('/api/v1/search/synonyms'),
  'GET /search/synonyms/builtin | -': (_, c) => c.get('/api/v1/search/synonyms/builtin?q=%E7%91%95%E7%96%B5'),
  'POST /search/synonyms | a new group': async (who, c) => {
    const probe = async () => (await ctx.handle.db.select().from(schema.searchSynonyms)).length;
    return guarded(probe, () => c.post('/api/v1/search/synonyms', { kind: 'near', terms: [`矩阵甲${who}`, `矩阵乙${who}`] }));
  },
  "DELETE /search/synonyms/:id | an operator's group": async (_, c) => {
    const id = (await clients.operator.post('/api/v1/search/synonyms', { kind: 'near', terms: [`矩阵丙${++seq}`, `矩阵丁${seq}`] })).json()
      .id as string;
    const probe = async () => (await ctx.handle.db.select().from(schema.searchSynonyms).where(eq(schema.searchSynonyms.id, id))).length;
    return guarded(probe, () => c.delete(`/api/v1/search/synonyms/${id}`));
  },

  // Notifications and subscriptions
  'GET /notifications | -': (_, c) => c.get('/api/v1/notifications'),
  'POST /notifications/read-all | -': (_, c) => c.post('/api/v1/notifications/read-all'),
  "POST /notifications/:id/read | member's notification": async (_, c) => {
    const id = await memberNotification();
    const probe = async () => (await ctx.handle.db.select().from(schema.notifications).where(eq(schema.notifications.id, id)))[0]!.readAt;
    return guarded(probe, () => c.post(`/api/v1/notifications/${id}/read`));
  },
  'GET /notifications/preferences | -': (_, c) => c.get('/api/v1/notifications/preferences'),
  "PUT /notifications/preferences | a kind of the caller's roles": (who, c) =>
    put(ctx, c, '/api/v1/notifications/preferences', { items: [{ kind: PREFERENCE_KIND[who], inApp: true, email: true }] }),
  'GET /subscriptions | -': (_, c) => c.get('/api/v1/subscriptions'),
  'GET /subscriptions/export.xlsx | -': (_, c) => c.get('/api/v1/subscriptions/export.xlsx'),
  'POST /subscriptions | a new saved search': async (who, c) => {
    const probe = async () => (await ctx.handle.db.select().from(schema.subscriptions)).length;
    return guarded(probe, () =>
      c.post('/api/v1/subscriptions', { kind: 'saved_search', name: `矩阵订阅${who}`, query: { q: '机器视觉' } }),
    );
  },
  "GET /subscriptions/:id | member's subscription": async (_, c) => c.get(`/api/v1/subscriptions/${await memberSubscription()}`),
  "PATCH /subscriptions/:id | member's subscription, rename": async (who, c) => {
    const id = await memberSubscription();
    const probe = async () => (await ctx.handle.db.select().from(schema.subscriptions).where(eq(schema.subscriptions.id, id)))[0]!.name;
    return guarded(probe, () => c.patch(`/api/v1/subscriptions/${id}`, { name: `改名${who}` }));
  },
  "DELETE /subscriptions/:id | member's subscription": async (_, c) => {
    const id = await memberSubscription();
    const probe = async () => (await ctx.handle.db.select().from(schema.subscriptions).where(eq(schema.subscriptions.id, id))).length;
    return guarded(probe, () => c.delete(`/api/v1/subscriptions/${id}`));
  },
  "GET /subscriptions/:id/hits | member's subscription": async (_, c) => c.get(`/api/v1/subscriptions/${await memberSubscription()}/hits`),
  "GET /subscriptions/:id/hits/export.xlsx | member's subscription": async (_, c) =>
    c.get(`/api/v1/subscriptions/${await memberSubscription()}/hits/export.xlsx`),
  "GET /unsubscribe | member's subscription, signed link": async (_, c) => unsubscribeCall(c, 'GET', '/unsubscribe', true),
  "GET /unsubscribe | member's subscription, bad token": async (_, c) => unsubscribeCall(c, 'GET', '/unsubscribe', false),
  "POST /unsubscribe | member's subscription, signed link": async (_, c) => unsubscribeCall(c, 'POST', '/unsubscribe', true),
  "POST /unsubscribe | member's subscription, bad token": async (_, c) => unsubscribeCall(c, 'POST', '/unsubscribe', false),
  "POST /resubscribe | member's subscription, signed link": async (_, c) => unsubscribeCall(c, 'POST', '/resubscribe', true),
  "POST /resubscribe | member's subscription, bad token": async (_, c) => unsubscribeCall(c, 'POST', '/resubscribe', false),

  // Quality at the door
  'POST /quality/check | a draft need': (_, c) => c.post('/api/v1/quality/check', { listType: 'scenario_need', data: scenarioNeedData() }),
  'GET /duplicates/clusters | -': (_, c) => c.get('/api/v1/duplicates/clusters?listType=scenario_need'),
  "POST /duplicates/merge | two of A's submitted": async (_, c) => {
    const [keepId, mergeId] = [await newSubmissionOfA(true), await newSubmissionOfA(true)];
    const probe = async () => [await statusOf(keepId), await statusOf(mergeId)];
    const res = await guarded(probe, () => c.post('/api/v1/duplicates/merge', { keepId, mergeIds: [mergeId], reason: '矩阵测试合并' }));
    if (ok(res)) expect(await probe()).toEqual(['submitted', 'merged']);
    return res;
  },

  // Working-day calendar: anyone reads and computes, operators edit
  'GET /calendar/:year | a shipped year': (_, c) => c.get('/api/v1/calendar/2025'),
  'GET /calendar/working-days | 2025-09-26 + 5 working days': async (_, c) => {
    const res = await c.get('/api/v1/calendar/working-days?from=2025-09-26&days=5');
    if (ok(res)) expect(res.json().lastDay).toBe('2025-10-10');
    return res;
  },
  'PUT /calendar/:year | a year not yet maintained': async (who, c) => {
    const year = 2040 + CALLERS.indexOf(who);
    const probe = async () =>
      (await ctx.handle.db.select().from(schema.calendarYears).where(eq(schema.calendarYears.year, year))).map((y) => y.version);
    const body = {
      version: 0,
      reason: '矩阵测试',
      holidays: [{ name: '元旦', start: `${year}-01-01`, end: `${year}-01-01` }],
      workdays: [],
    };
    return guarded(probe, () => put(ctx, c, `/api/v1/calendar/${year}`, body));
  },

  // Outcome dashboard (docs/dashboard.md): operators, registrars and brokers read; operators set targets
  "GET /dashboard | the year's dashboard": (_, c) => c.get('/api/v1/dashboard?year=2026'),
  "GET /dashboard/funnel | the year's funnel": (_, c) => c.get('/api/v1/dashboard/funnel?year=2026'),
  "GET /dashboard/targets | the year's targets": (_, c) => c.get('/api/v1/dashboard/targets?year=2026'),
  "PUT /dashboard/targets | a year's targets": async (who, c) => {
    const year = 2060 + CALLERS.indexOf(who);
    const probe = async () =>
      (await ctx.handle.db.select().from(schema.annualTargets).where(eq(schema.annualTargets.year, year))).map(
        (t) => `${t.metric}:${t.target}`,
      );
    const res = await guarded(probe, () => put(ctx, c, `/api/v1/dashboard/targets?year=${year}`, { targets: { deals_signed: 5 } }));
    if (ok(res)) expect(await probe()).toEqual(['deals_signed:5']);
    return res;
  },
  "GET /dashboard/export.xlsx | the year's charts": async (_, c) => {
    const res = await c.get('/api/v1/dashboard/export.xlsx?year=2026');
    if (ok(res)) expect((await readExport(res)).sheet).toBe('目标完成情况');
    return res;
  },
  "GET /dashboard/report.xlsx | the year's statistical report": (_, c) => c.get('/api/v1/dashboard/report.xlsx?year=2026'),

  // 技术合同登记 (docs/contracts.md): the seller organisation's users own; registrars and operators decide
  "GET /contracts | the caller's registrations": (_, c) => c.get('/api/v1/contracts'),
  "GET /contracts/export.xlsx | the caller's registrations": async (_, c) => {
    const res = await c.get('/api/v1/contracts/export.xlsx');
    if (ok(res)) expect((await readExport(res)).sheet).toBe('技术合同登记');
    return res;
  },
  'GET /contracts/queue | the registrar queue': (_, c) => c.get('/api/v1/contracts/queue'),
  'GET /contracts/queue/export.xlsx | the registrar queue': (_, c) => c.get('/api/v1/contracts/queue/export.xlsx'),
  'GET /contracts/import/template.xlsx | -': (_, c) => c.get('/api/v1/contracts/import/template.xlsx'),
  'POST /contracts/import | the template, dry run': async (_, c) => {
    const res = await uploadFile(c, '/api/v1/contracts/import?mode=dry_run', await buildContractImportTemplate(), '历史合同.xlsx');
    if (ok(res)) expect(res.json()).toMatchObject({ totalRows: 0, errors: [] });
    return res;
  },
  'POST /contracts | a new draft': (who, c) =>
    guarded(contractCount, () => c.post('/api/v1/contracts', contractInput({ projectName: `矩阵技术合同${who}` }))),
  'POST /contracts | 技术交易额 above 合同成交额': (_, c) =>
    guarded(contractCount, () => c.post('/api/v1/contracts', contractInput({ contractAmountFen: 100, technologyAmountFen: 101 }))),
  "GET /contracts/:id | A's draft": async (_, c) => c.get(`/api/v1/contracts/${await contractOfA('draft')}`),
  "PATCH /contracts/:id | A's draft": async (who, c) => {
    const id = await contractOfA('draft');
    return guarded(
      () => contractRow(id),
      () => c.patch(`/api/v1/contracts/${id}`, contractInput({ projectName: `矩阵改名${who}` })),
    );
  },
  "PATCH /contracts/:id | A's submitted": async (who, c) => {
    const id = await contractOfA('submitted');
    return guarded(
      () => contractRow(id),
      () => c.patch(`/api/v1/contracts/${id}`, contractInput({ projectName: `矩阵改名${who}` })),
    );
  },
  "POST /contracts/:id/transitions | A's draft with its PDF, submit": async (_, c) => {
    const id = await contractOfA('draft', true);
    const res = await guarded(
      () => contractRow(id),
      () => c.post(`/api/v1/contracts/${id}/transitions`, { action: 'submit' }),
    );
    if (ok(res)) expect(res.json().deadline.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    return res;
  },
  "POST /contracts/:id/transitions | A's submitted, accept": async (_, c) => {
    const id = await contractOfA('submitted');
    return guarded(
      () => contractRow(id),
      () => c.post(`/api/v1/contracts/${id}/transitions`, { action: 'accept' }),
    );
  },
  "POST /contracts/:id/change | A's registered": async (_, c) => {
    const id = await contractOfA('registered');
    return guarded(contractCount, () =>
      c.post(`/api/v1/contracts/${id}/change`, { contract: contractInput({ contractAmountFen: 130_000_000 }) }),
    );
  },
  "POST /contracts/:id/cancellation | A's registered": async (_, c) => {
    const id = await contractOfA('registered');
    return guarded(contractCount, () => c.post(`/api/v1/contracts/${id}/cancellation`, { reason: '双方协商解除合同' }));
  },
  "POST /contracts/:id/attachments | A's draft": async (_, c) => {
    const id = await contractOfA('draft');
    return guarded(
      () => contractAttachmentCount(id),
      () => uploadFile(c, `/api/v1/contracts/${id}/attachments`, tinyPdf(), '合同.pdf'),
    );
  },
  "GET /contracts/:id/attachments/:attachmentId | A's draft's PDF": async (_, c) => {
    const id = await contractOfA('draft');
    const att = await contractPdfOf(id);
    const res = await c.get(`/api/v1/contracts/${id}/attachments/${att}`);
    if (ok(res)) expect(res.headers['content-type']).toBe('application/pdf');
    return res;
  },
  "DELETE /contracts/:id/attachments/:attachmentId | A's draft's PDF": async (_, c) => {
    const id = await contractOfA('draft');
    const att = await contractPdfOf(id);
    return guarded(
      () => contractAttachmentCount(id),
      () => c.delete(`/api/v1/contracts/${id}/attachments/${att}`),
    );
  },
  // 对接项目 and the broker workspace (docs/deals.md): A (the member's organisation) is the demand side, C the supply side.
  'GET /deals | -': (_, c) => c.get('/api/v1/deals'),
  'GET /deals/board | -': (_, c) => c.get('/api/v1/deals/board'),
  'GET /deals/export.xlsx | -': async (_, c) => {
    const res = await c.get('/api/v1/deals/export.xlsx');
    if (ok(res)) expect((await readExport(res)).header).toContain('项目编号');
    return res;
  },
  "POST /deals | A's published need and org C": async (_, c) =>
    guarded(dealCount, async () => c.post('/api/v1/deals', { needId: publishedNeedA, supplyOrganizationId: await capabilityOrgC() })),
  "GET /deals/:id | A's unassigned deal": async (_, c) => c.get(`/api/v1/deals/${(await dealOfA()).id}`),
  "POST /deals/:id/transition | A's intent deal, schedule_meeting": async (_, c) => {
    const d = await dealOfA();
    return guarded(
      () => dealRow(d.id),
      () => c.post(`/api/v1/deals/${d.id}/transition`, { action: 'schedule_meeting', version: d.version }),
    );
  },
  "POST /deals/:id/transition | A's intent deal, sign": async (_, c) => {
    const d = await dealOfA();
    return guarded(
      () => dealRow(d.id),
      () => c.post(`/api/v1/deals/${d.id}/transition`, { action: 'sign', version: d.version }),
    );
  },
  "POST /deals/:id/broker | A's unassigned deal, the broker": async (_, c) => {
    const d = await dealOfA();
    return guarded(
      () => dealRow(d.id),
      () => c.post(`/api/v1/deals/${d.id}/broker`, { brokerUserId: users.broker.id, version: d.version }),
    );
  },
  "POST /deals/:id/claim | A's unassigned deal": async (_, c) => {
    const d = await dealOfA();
    return guarded(
      () => dealRow(d.id),
      () => c.post(`/api/v1/deals/${d.id}/claim`, { version: d.version }),
    );
  },
  "PUT /deals/:id/expected-amount | A's unassigned deal": async (_, c) => {
    const d = await dealOfA();
    return guarded(
      () => dealRow(d.id),
      () => put(ctx, c, `/api/v1/deals/${d.id}/expected-amount`, { expectedAmountFen: 8_800_000, version: d.version }),
    );
  },
  "POST /deals/:id/wake | A's dormant deal": async (_, c) => {
    const d = await dealOfA({ activity: 'dormant' });
    return guarded(
      () => dealRow(d.id),
      () => c.post(`/api/v1/deals/${d.id}/wake`, { version: d.version }),
    );
  },
  "POST /deals/:id/activities | A's unassigned deal": async (_, c) => {
    const d = await dealOfA();
    return guarded(
      () => dealActivityCount(d.id),
      () => c.post(`/api/v1/deals/${d.id}/activities`, { kind: 'call', note: '矩阵测试电话沟通' }),
    );
  },
  "POST /deals/:id/activities/:activityId/done | A's deal's open next step": async (_, c) => {
    const d = await dealOfA();
    const [a] = await ctx.handle.db
      .insert(schema.dealActivities)
      .values({ dealId: d.id, kind: 'call', note: '矩阵测试', occurredAt: new Date(), nextStep: '回访', nextStepDueOn: '2026-12-31' })
      .returning();
    const probe = async () =>
      (await ctx.handle.db.select().from(schema.dealActivities).where(eq(schema.dealActivities.id, a!.id)))[0]!.nextStepDoneAt;
    return guarded(probe, () => c.post(`/api/v1/deals/${d.id}/activities/${a!.id}/done`));
  },
  "POST /interests/:id/accept | C's interest in A's need": async (_, c) => {
    const interestId = await interestOfCInA();
    return guarded(dealCount, () => c.post(`/api/v1/interests/${interestId}/accept`));
  },
  "POST /interests/:id/decline | C's open interest in A's need": async (_, c) => {
    const needId = await fx.published();
    const [row] = await ctx.handle.db
      .insert(schema.interests)
      .values({ needId, capabilityId: capabilityC, fromOrganizationId: await capabilityOrgC(), fromSide: 'capability' })
      .returning();
    const probe = async () => (await ctx.handle.db.select().from(schema.interests).where(eq(schema.interests.id, row!.id)))[0]!.status;
    return guarded(probe, () => c.post(`/api/v1/interests/${row!.id}/decline`, { reason: '矩阵测试婉拒' }));
  },
  'GET /policies | -': (_, c) => c.get('/api/v1/policies'),
  'POST /policies | a pasted notice': (_, c) =>
    guarded(policyCount, () =>
      c.post('/api/v1/policies', { text: '矩阵测试政策\n一、支持企业开展研发活动，按研发投入的10%给予补助，最高100万元。' }),
    ),
  'POST /policies/upload | a .txt notice': (_, c) =>
    guarded(policyCount, () =>
      uploadFile(
        c,
        '/api/v1/policies/upload',
        Buffer.from('矩阵测试上传政策\n一、对企业研发投入给予补助，最高50万元。', 'utf8'),
        '政策.txt',
      ),
    ),
  'GET /policies/:id | a draft': async (_, c) => c.get(`/api/v1/policies/${await policyIn('draft')}`),
  'GET /policies/:id | a published one': async (_, c) => c.get(`/api/v1/policies/${await policyIn('published')}`),
  'GET /policies/measures/search | q=研发': (_, c) => c.get(`/api/v1/policies/measures/search?q=${encodeURIComponent('研发')}`),
  'POST /policies/:id/transitions | a draft, publish': async (_, c) => {
    const id = await policyIn('draft');
    const probe = async () => (await ctx.handle.db.select().from(schema.policies).where(eq(schema.policies.id, id)))[0]!.status;
    return guarded(probe, () => c.post(`/api/v1/policies/${id}/transitions`, { action: 'publish', version: 1 }));
  },
  "PATCH /policies/:id/measures/:measureId | a draft's measure": async (_, c) => {
    const m = await measureIn('draft');
    return guarded(m.probe, () => c.patch(m.url, { version: 1, supportType: 'subsidy' }));
  },
  "PATCH /policies/:id/measures/:measureId | a published one's measure": async (_, c) => {
    const m = await measureIn('published');
    return guarded(m.probe, () => c.patch(m.url, { version: 1, supportType: 'subsidy' }));
  },
  "PUT /policies/:id/measures/:measureId/calculator | a published one's measure": async (_, c) => {
    const m = await measureIn('published');
    return guarded(m.probe, () => put(ctx, c, `${m.url}/calculator`, { version: 1, definition: MATRIX_CALCULATOR }));
  },
  "DELETE /policies/:id/measures/:measureId/calculator | a published one's proposal": async (_, c) => {
    const m = await measureIn('published', 'proposed');
    return guarded(m.probe, () => c.delete(`${m.url}/calculator?version=1`));
  },
  "POST /policies/:id/measures/:measureId/calculator/confirm | a published one's proposal": async (_, c) => {
    const m = await measureIn('published', 'proposed');
    return guarded(m.probe, () => c.post(`${m.url}/calculator/confirm`, { version: 1 }));
  },
  "POST /policies/:id/measures/:measureId/calculate | a published one's confirmed calculator": async (_, c) =>
    c.post(`${(await measureIn('published', 'confirmed')).url}/calculate`, { inputs: {} }),
  "POST /policies/:id/measures/:measureId/calculate | a draft's confirmed calculator": async (_, c) =>
    c.post(`${(await measureIn('draft', 'confirmed')).url}/calculate`, { inputs: {} }),
  'GET /organizations/me/policy-profile | own organisation': (_, c) => c.get('/api/v1/organizations/me/policy-profile'),
  'PUT /organizations/me/policy-profile | own organisation': (_, c) =>
    guarded(profilesNow, () => put(ctx, c, '/api/v1/organizations/me/policy-profile', { employees: ++seq })),
  'POST /organizations/:id/policy-profile/confirm | org A': (_, c) =>
    guarded(profilesNow, () => c.post(`/api/v1/organizations/${orgA.id}/policy-profile/confirm`)),
  'GET /policies/measures/for-me | -': (_, c) => c.get('/api/v1/policies/measures/for-me'),
  'POST /policies/:id/measures/:measureId/redemption-runs | a published measure with conditions': async (_, c) => {
    const url = await conditionedMeasure();
    return guarded(redemptionsNow, () => c.post(`${url}/redemption-runs`));
  },
  'GET /policies/:id/measures/:measureId/redemptions | a published measure with conditions': async (_, c) =>
    c.get(`${await conditionedMeasure()}/redemptions`),
  'GET /policies/:id/measures/:measureId/redemptions/export.xlsx | a published measure with conditions': async (_, c) =>
    c.get(`${await conditionedMeasure()}/redemptions/export.xlsx`),
  'GET /policy-redemptions/mine | -': (_, c) => c.get('/api/v1/policy-redemptions/mine'),
  "POST /policy-redemptions/:id/confirm | A's matched row": async (_, c) => {
    const id = await redemptionOfA('matched');
    return guarded(redemptionsNow, () => c.post(`/api/v1/policy-redemptions/${id}/confirm`));
  },
  "POST /policy-redemptions/:id/decline | A's matched row, with a reason": async (_, c) => {
    const id = await redemptionOfA('matched');
    return guarded(redemptionsNow, () => c.post(`/api/v1/policy-redemptions/${id}/decline`, { reason: '矩阵测试谢绝' }));
  },
  "POST /policy-redemptions/:id/redeem | A's confirmed row": async (_, c) => {
    const id = await redemptionOfA('confirmed');
    return guarded(redemptionsNow, () => c.post(`/api/v1/policy-redemptions/${id}/redeem`, { amountFen: 100 }));
  },
  'GET /brokers | -': (_, c) => c.get('/api/v1/brokers'),
  'GET /brokers/me/profile | -': (_, c) => c.get('/api/v1/brokers/me/profile'),
  "PUT /brokers/me/profile | the caller's": (_, c) =>
    put(ctx, c, '/api/v1/brokers/me/profile', { fields: ['computer_vision'], certificateNo: 'JSJL-MATRIX-1' }),
  'GET /brokers/me/workspace | -': (_, c) => c.get('/api/v1/brokers/me/workspace'),
  'GET /brokers/me/suggested-matches | -': (_, c) => c.get('/api/v1/brokers/me/suggested-matches'),
  "GET /brokers/:userId/profile | the broker's": (_, c) => c.get(`/api/v1/brokers/${users.broker.id}/profile`),
  'GET /policy-digests | -': (_, c) => c.get('/api/v1/policy-digests'),
  'POST /policy-digests | a published policy': async (_, c) => {
    const policyId = await policyIn('published');
    return guarded(digestCount, () => c.post('/api/v1/policy-digests', { title: '矩阵测试政策动态', policyIds: [policyId] }));
  },
  'GET /policy-digests/:id | a draft': async (_, c) => c.get(`/api/v1/policy-digests/${await digestIn('draft')}`),
  'GET /policy-digests/:id | a published one': async (_, c) => c.get(`/api/v1/policy-digests/${await digestIn('published')}`),
  'PUT /policy-digests/:id | a draft': async (_, c) => {
    const id = await digestIn('draft');
    const [item] = await ctx.handle.db.select().from(schema.policyDigestItems).where(eq(schema.policyDigestItems.digestId, id));
    const body = {
      version: 1,
      title: '矩阵测试改标题',
      intro: null,
      items: [{ policyId: item!.policyId, summary: '摘要', measureIds: [] }],
      directions: [],
    };
    return guarded(
      () => digestRow(id),
      () => put(ctx, c, `/api/v1/policy-digests/${id}`, body),
    );
  },
  'POST /policy-digests/:id/publish | a draft': async (_, c) => {
    const id = await digestIn('draft');
    return guarded(
      () => digestRow(id),
      () => c.post(`/api/v1/policy-digests/${id}/publish`, { version: 1 }),
    );
  },
  'GET /policy-digests/:id/export.docx | a draft': async (_, c) => c.get(`/api/v1/policy-digests/${await digestIn('draft')}/export.docx`),
  'GET /policy-digests/:id/export.docx | a published one': async (_, c) =>
    c.get(`/api/v1/policy-digests/${await digestIn('published')}/export.docx`),
  'GET /policy-digests/:id/export.html | a published one': async (_, c) =>
    c.get(`/api/v1/policy-digests/${await digestIn('published')}/export.html`),
};

/** A kind each caller's roles receive (anon's is refused before the body matters). */
const PREFERENCE_KIND: Record<Caller, string> = {
  anon: 'submission.selected',
  member: 'submission.selected',
  outsider: 'organization.approved',
  reviewer: 'review.assigned',
  broker: 'interest.broker',
  operator: 'call.closed',
};

async function memberNotification(): Promise<string> {
  const key = `matrix-${++seq}`;
  await notifyUsers(ctx.handle.db, [{ userId: users.member.id, kind: 'test', title: '矩阵测试通知', dedupeKey: key }]);
  return (await ctx.handle.db.select().from(schema.notifications).where(eq(schema.notifications.dedupeKey, key)))[0]!.id;
}

/** Written directly: the matrix needs more of them than the per-user limit of the API allows. */
async function memberSubscription(): Promise<string> {
  const row = await insertSubscription(ctx.handle.db, {
    userId: users.member.id,
    organizationId: orgA.id,
    kind: 'saved_search',
    name: `矩阵成员订阅${++seq}`,
    query: { q: '数字孪生' },
    frequency: 'daily',
  });
  return row.id;
}

/** A signed (or tampered) unsubscribe link of a fresh subscription; refused calls change nothing. */
async function unsubscribeCall(c: Client, method: 'GET' | 'POST', path: string, signed: boolean) {
  const id = await memberSubscription();
  const token = signUnsubscribe(await unsubscribeSecret(ctx.handle.db), id);
  const t = signed ? token : `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
  const probe = async () =>
    (await ctx.handle.db.select().from(schema.subscriptions).where(eq(schema.subscriptions.id, id)))[0]!.unsubscribedAt;
  return guarded(probe, () => c.request(method, `/api/v1${path}?s=${id}&t=${encodeURIComponent(t)}`));
}

const awardRowOf = async (id: string) =>
  (await ctx.handle.db.select().from(schema.challengeAwards).where(eq(schema.challengeAwards.id, id)))[0]!;
const milestoneRowOf = async (id: string) =>
  (await ctx.handle.db.select().from(schema.awardMilestones).where(eq(schema.awardMilestones.id, id)))[0]!;

/** A started award A leads (member's organisation), its first milestone put in a state directly. */
async function awardLedByA(opts: { delivered?: boolean; firstStatus?: string; horseRace?: boolean } = {}): Promise<AwardFixture> {
  const f = await makeAward(ctx.services, {
    started: true,
    horseRace: opts.horseRace,
    challengeStatus: 'in_milestones',
    lead: { organizationId: orgA.id, userId: users.member.id },
  });
  const status = opts.firstStatus ?? (opts.delivered ? 'submitted' : undefined);
  if (status)
    await ctx.handle.db
      .update(schema.awardMilestones)
      .set({ status, round: 1, decidedAt: status === 'submitted' ? null : new Date() })
      .where(eq(schema.awardMilestones.id, f.milestones[0]!.id));
  return f;
}

/** A started award of A's challenge, milestone 1 delivered and the reviewer assigned to its acceptance. */
async function awardOfAWithExpert(): Promise<AwardFixture> {
  const f = await makeAward(ctx.services, {
    started: true,
    challengeStatus: 'in_milestones',
    owner: { organizationId: orgA.id, userId: users.member.id },
  });
  const m = f.milestones[0]!.id;
  await ctx.handle.db.update(schema.awardMilestones).set({ status: 'submitted', round: 1 }).where(eq(schema.awardMilestones.id, m));
  await insertAcceptors(ctx.handle.db, [{ milestoneId: m, round: 1, userId: users.reviewer.id, role: 'expert' }]);
  return f;
}

const contractCount = async () => (await ctx.handle.db.select({ n: count() }).from(schema.techContracts))[0]!.n;
const contractRow = async (id: string) =>
  (await ctx.handle.db.select().from(schema.techContracts).where(eq(schema.techContracts.id, id)))[0]!;
const contractAttachmentCount = async (id: string) =>
  (
    await ctx.handle.db.select({ n: count() }).from(schema.techContractAttachments).where(eq(schema.techContractAttachments.contractId, id))
  )[0]!.n;

/** A fresh registration of org A (the member's organisation) in `status`, with its PDF when asked. */
async function contractOfA(status: string, withPdf = false): Promise<string> {
  const now = ctx.services.now();
  const c = await makeContract(ctx.services, orgA.id, {
    status,
    row: {
      submittedAt: status === 'draft' ? null : now,
      dueOn: ['submitted', 'accepted'].includes(status) ? '2026-12-31' : null,
      registeredAt: status === 'registered' ? now : null,
    },
  });
  if (withPdf) await contractPdfOf(c.id);
  return c.id;
}

async function contractPdfOf(contractId: string): Promise<string> {
  const content = tinyPdf();
  const meta = await insertTechContractAttachment(ctx.handle.db, {
    contractId,
    filename: '合同.pdf',
    mediaType: 'application/pdf',
    size: content.length,
    sha256: 'test',
    content,
  });
  return meta.id;
}

const dealCount = async () => (await ctx.handle.db.select({ n: count() }).from(schema.deals))[0]!.n;
const dealRow = async (id: string) => (await ctx.handle.db.select().from(schema.deals).where(eq(schema.deals.id, id)))[0]!;
const dealActivityCount = async (id: string) =>
  (await ctx.handle.db.select({ n: count() }).from(schema.dealActivities).where(eq(schema.dealActivities.dealId, id)))[0]!.n;
let capabilityOrgCP: Promise<string> | undefined;
const capabilityOrgC = () =>
  (capabilityOrgCP ??= ctx.handle.db
    .select({ org: schema.submissions.organizationId })
    .from(schema.submissions)
    .where(eq(schema.submissions.id, capabilityC))
    .then((r) => r[0]!.org));

/** A fresh deal of A's published need with C's capability, no broker, in `intent` (or as asked), written directly. */
async function dealOfA(opts: { activity?: string } = {}) {
  const [row] = await ctx.handle.db
    .insert(schema.deals)
    .values({
      code: `DJ-MATRIX-${++seq}`,
      title: '矩阵测试对接项目',
      source: 'manual',
      needId: publishedNeedA,
      capabilityId: capabilityC,
      demandOrganizationId: orgA.id,
      supplyOrganizationId: await capabilityOrgC(),
      status: 'intent',
      activity: opts.activity ?? 'active',
      dormantSince: opts.activity === 'dormant' ? new Date() : null,
      intentAt: new Date(),
    })
    .returning();
  return row!;
}

const policyCount = async () => (await ctx.handle.db.select({ n: count() }).from(schema.policies))[0]!.n;
/** A fresh policy row in the given state (the matrix is about who may act, not about reading texts). */
async function policyIn(status: 'draft' | 'published'): Promise<string> {
  const text = `矩阵测试政策${randomBytes(6).toString('hex')}\n一、支持措施。`;
  const [row] = await ctx.handle.db
    .insert(schema.policies)
    .values({ title: '矩阵测试政策', sourceText: text, sourceFormat: 'paste', sourceSha256: randomBytes(32).toString('hex'), status })
    .returning();
  return row!.id;
}

const MATRIX_CALCULATOR = { kind: 'one_off', inputs: [], amountFen: 1_000_000 };
/** A fresh policy with one measure over its whole text and, if asked, a calculator in that state; `probe` reads all of it. */
async function measureIn(status: 'draft' | 'published', calculator?: 'proposed' | 'confirmed') {
  const policyId = await policyIn(status);
  const [p] = await ctx.handle.db.select().from(schema.policies).where(eq(schema.policies.id, policyId));
  const [m] = await ctx.handle.db
    .insert(schema.policyMeasures)
    .values({ policyId, seq: 0, path: '1', depth: 1, marker: '一、', spanStart: 0, spanEnd: p!.sourceText.length })
    .returning();
  if (calculator)
    await ctx.handle.db.insert(schema.policyCalculators).values({ measureId: m!.id, definition: MATRIX_CALCULATOR, status: calculator });
  const probe = async () => [
    (await ctx.handle.db.select().from(schema.policies).where(eq(schema.policies.id, policyId)))[0]!.version,
    (await ctx.handle.db.select().from(schema.policyMeasures).where(eq(schema.policyMeasures.id, m!.id)))[0],
    (await ctx.handle.db.select().from(schema.policyCalculators).where(eq(schema.policyCalculators.measureId, m!.id)))[0] ?? null,
  ];
  return { url: `/api/v1/policies/${policyId}/measures/${m!.id}`, probe };
}

const profilesNow = () =>
  ctx.handle.db.select().from(schema.organizationPolicyProfiles).orderBy(asc(schema.organizationPolicyProfiles.organizationId));
const redemptionsNow = () => ctx.handle.db.select().from(schema.policyRedemptions).orderBy(asc(schema.policyRedemptions.id));
/** A fresh published policy with one measure that has a structured condition; its URL. */
async function conditionedMeasure(): Promise<string> {
  const policyId = await policyIn('published');
  const [m] = await ctx.handle.db
    .insert(schema.policyMeasures)
    .values({
      policyId,
      seq: 0,
      path: '1',
      depth: 1,
      marker: '一、',
      spanStart: 0,
      spanEnd: 5,
      conditions: [{ kind: 'region', regionCodes: ['500000'] }],
    })
    .returning();
  return `/api/v1/policies/${policyId}/measures/${m!.id}`;
}
/** A fresh 免申即享 row of org A (its own measure, as there is one row per measure and organisation). */
async function redemptionOfA(stage: 'matched' | 'confirmed'): Promise<string> {
  const measureId = (await conditionedMeasure()).split('/').at(-1)!;
  const [r] = await ctx.handle.db
    .insert(schema.policyRedemptions)
    .values({ measureId, organizationId: orgA.id, runId: randomUUID(), stage })
    .returning();
  return r!.id;
}

/** A fresh interest C expressed in A's published need, with a capability of its own made for it. */
async function interestOfCInA(): Promise<string> {
  const [row] = await ctx.handle.db
    .insert(schema.interests)
    .values({ needId: publishedNeedA, capabilityId: capabilityC, fromOrganizationId: await capabilityOrgC(), fromSide: 'capability' })
    .onConflictDoNothing()
    .returning();
  if (row) return row.id;
  const [existing] = await ctx.handle.db
    .select()
    .from(schema.interests)
    .where(and(eq(schema.interests.needId, publishedNeedA), eq(schema.interests.fromOrganizationId, await capabilityOrgC())));
  return existing!.id;
}

const digestCount = async () => (await ctx.handle.db.select({ n: count() }).from(schema.policyDigests))[0]!.n;
const digestRow = async (id: string) =>
  (await ctx.handle.db.select().from(schema.policyDigests).where(eq(schema.policyDigests.id, id)))[0]!;
/** A fresh 政策动态 issue of one published policy; a published one gets numbers of a past year no publication will draw. */
async function digestIn(status: 'draft' | 'published'): Promise<string> {
  const n = ++seq;
  const [d] = await ctx.handle.db
    .insert(schema.policyDigests)
    .values({
      title: '矩阵测试政策动态',
      status,
      ...(status === 'published' ? { year: 1990, issueNo: n, totalNo: 1_000_000 + n, publishedAt: new Date() } : {}),
    })
    .returning();
  await ctx.handle.db
    .insert(schema.policyDigestItems)
    .values({ digestId: d!.id, policyId: await policyIn('published'), seq: 0, summary: '矩阵测试摘要' });
  return d!.id;
}

describe('the matrix covers the API', () => {
  it('has a sender for every row and a row for every sender', () => {
    expect(Object.keys(SEND).sort()).toEqual(ROWS.map((r) => r.key).sort());
  });

  it('lists every route registered under /api/v1, and no route that does not exist', () => {
    const table = new Set(ROWS.map((r) => `${r.method} /api/v1${r.path}`));
    expect(registered.size).toBeGreaterThanOrEqual(25);
    expect([...registered].sort()).toEqual([...table].filter((r) => registered.has(r) || !r.includes('/imports')).sort());
    // Import routes are listed ahead of time; all others must exist.
    for (const r of table) if (!r.includes('/imports')) expect(registered.has(r), r).toBe(true);
  });

  it('agrees with the OpenAPI document', () => {
    const documented = [...openApiRoutes].filter((r) => r.split(' ')[1]!.startsWith('/api/v1/')).sort();
    expect(documented).toEqual([...registered].sort());
  });
});

describe.each(ROWS)('$method $path ($object)', (row) => {
  it.for(CALLERS.map((who) => ({ who, cell: row.cells[who] })))('$who → $cell.status', async ({ who, cell }) => {
    const res = await SEND[row.key]!(who, clients[who]);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(cell.status);
    if (cell.code) expect(res.json().error.code).toBe(cell.code);
  });
});
