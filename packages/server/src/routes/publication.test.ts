import { afterAll, beforeAll, expect, it } from 'vitest';
import { publishThroughApi } from '../portal/testing.js';
import { createTestContext, platformUser, type Client, type TestContext } from '../testing.js';

let ctx: TestContext;
let operator: Client;
let batchId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  operator = (await platformUser(ctx)).client;
  batchId = (await publishThroughApi(ctx, operator, { items: [{ title: '勘误测试场景需求一' }] })).batchId;
});
afterAll(async () => {
  await ctx?.close();
});

// Found by the API fuzzer (seed 777): seq 2147483648 reached the database and answered 500.
it('a correction for an entry number beyond the integer range is a 400, not a 500', async () => {
  for (const seq of ['2147483648', '9007199254740991']) {
    const res = await operator.post(`/api/v1/batches/${batchId}/entries/${seq}/corrections`, { erratum: '测试勘误说明' });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  }
  const missing = await operator.post(`/api/v1/batches/${batchId}/entries/2147483647/corrections`, { erratum: '测试勘误说明' });
  expect(missing.statusCode).toBe(404);
});
