/**
 * Objects of the review and publication stages for the authorization matrix: org A's items
 * driven through the real API (submitted → call closed → start_review → in_review → selected
 * → published → awarded → in_delivery → accepted), made in bulk and handed out one at a time
 * so that every mutating cell gets an object of its own.
 */
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { makeCall, scenarioNeedData, type Client, type TestContext } from '../testing.js';

export interface InReviewItem {
  callId: string;
  id: string;
}

function expectOk(res: LightMyRequestResponse, status: number, what: string) {
  expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBe(status);
  return res;
}

/** PUT through inject with the client's session and CSRF token (the test client has no PUT). */
export function put(ctx: TestContext, c: Client, url: string, body: unknown) {
  return ctx.app.inject({
    method: 'PUT',
    url,
    headers: { ...(c.cookie ? { cookie: c.cookie } : {}), ...(c.csrfToken ? { 'x-csrf-token': c.csrfToken } : {}) },
    payload: body as object,
  });
}

/** Hands out items one at a time, making a new lot when the last one is used up. */
class Pool<T> {
  private items: T[] = [];
  constructor(private readonly make: () => Promise<T[]>) {}
  async take(): Promise<T> {
    if (this.items.length === 0) this.items = await this.make();
    return this.items.shift()!;
  }
}

export function reviewFixtures(opts: { ctx: TestContext; owner: Client; operator: Client }) {
  const { ctx, owner, operator } = opts;

  /**
   * A new open call with `n` items of the owner's organisation submitted, then closed and in
   * review. `beforeSubmit` runs on each draft (to attach files, say).
   */
  async function callInReview(n: number, beforeSubmit?: (id: string) => Promise<unknown>): Promise<{ callId: string; items: string[] }> {
    const callId = (await makeCall(ctx.services, { status: 'open' })).id;
    const items: string[] = [];
    for (let i = 0; i < n; i++) {
      const res = expectOk(
        await owner.post('/api/v1/submissions', {
          callId,
          data: scenarioNeedData({ title: `矩阵评审场景需求${randomBytes(3).toString('hex')}` }),
        }),
        201,
        'create',
      );
      const id = res.json().id as string;
      await beforeSubmit?.(id);
      expectOk(await owner.post(`/api/v1/submissions/${id}/transitions`, { action: 'submit' }), 200, 'submit');
      items.push(id);
    }
    expect(expectOk(await operator.post(`/api/v1/calls/${callId}/transitions`, { action: 'close' }), 200, 'close').json().status).toBe(
      'closed',
    );
    expect(
      expectOk(await operator.post(`/api/v1/calls/${callId}/transitions`, { action: 'start_review' }), 200, 'start_review').json().status,
    ).toBe('reviewing');
    return { callId, items };
  }

  /** `n` items selected in a call in review (nothing published yet). */
  async function selectedInCall(n: number) {
    const { callId, items } = await callInReview(n);
    expect(
      expectOk(await operator.post(`/api/v1/calls/${callId}/selection`, { submissionIds: items, action: 'select' }), 200, 'select').json()
        .moved,
    ).toBe(n);
    return { callId, items };
  }

  /** `n` items published as one numbered batch. */
  async function publishedBatch(n: number) {
    const { callId, items } = await selectedInCall(n);
    const batch = expectOk(await operator.post(`/api/v1/calls/${callId}/batches`, {}), 201, 'publish').json() as {
      id: string;
      entryCount: number;
    };
    expect(batch.entryCount).toBe(n);
    return { callId, batchId: batch.id, items };
  }

  /** An operator's manual assignment of `reviewerUserId` to an item in review. */
  async function assign(item: InReviewItem, reviewerUserId: string): Promise<string> {
    const res = expectOk(
      await operator.post(`/api/v1/calls/${item.callId}/assignments`, { submissionId: item.id, reviewerUserId }),
      201,
      'assign',
    );
    return res.json().id as string;
  }

  /** Moves an item on by operator transitions. */
  async function advance(id: string, actions: string[]) {
    for (const action of actions) expectOk(await operator.post(`/api/v1/submissions/${id}/transitions`, { action }), 200, action);
    return id;
  }

  const inReview = new Pool<InReviewItem>(async () => {
    const { callId, items } = await callInReview(12);
    return items.map((id) => ({ callId, id }));
  });
  const published = new Pool<string>(async () => (await publishedBatch(12)).items);

  return {
    callInReview,
    selectedInCall,
    publishedBatch,
    assign,
    advance,
    /** A fresh item of the owner's organisation in `in_review`, in a call in review. */
    inReview: () => inReview.take(),
    /** A fresh published item of the owner's organisation. */
    published: () => published.take(),
    awarded: async () => advance(await published.take(), ['award']),
    inDelivery: async () => advance(await published.take(), ['award', 'start_delivery']),
    accepted: async () => advance(await published.take(), ['award', 'start_delivery', 'accept']),
  };
}
