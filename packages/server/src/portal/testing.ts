/**
 * Builds published data the way the platform does: organisations submit through the API, the
 * operator closes the call, starts the review, selects and publishes a numbered batch.
 */
import type { ListType } from '@scenebridge/domain';
import { makeCall, orgUser, scenarioNeedData, type Client, type TestContext } from '../testing.js';

export function capabilityData(overrides: Record<string, unknown> = {}) {
  return {
    title: '工业视觉缺陷检测平台',
    description: '支持小样本训练的工业视觉缺陷检测平台，已在汽车零部件、电子装配等二十余条产线部署，检出率99%以上。',
    techFields: ['computer_vision'],
    sectors: ['manufacturing'],
    maturityTrl: 8,
    referenceCases: [],
    regionCode: '500107',
    contact: { name: '周经理', phone: '18623001234', public: true },
    ...overrides,
  };
}

export interface PublishedThroughApi {
  callId: string;
  batchId: string;
  /** In the order of `items`. */
  submissionIds: string[];
  /** The logged-in owner of each item, in the order of `items`. */
  owners: Client[];
}

async function ok(res: Promise<{ statusCode: number; body: string }>, status: number, what: string) {
  const r = await res;
  if (r.statusCode !== status) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return r;
}

/**
 * One call of `listType`; each item (data overrides) is submitted by its own organisation unless
 * `sameOwner`, then closed, reviewed, all selected and published as batch `number`.
 */
export async function publishThroughApi(
  ctx: TestContext,
  operator: Client,
  opts: {
    listType?: ListType;
    items: Array<Record<string, unknown>>;
    number?: number;
    title?: string;
    sameOwner?: boolean;
  },
): Promise<PublishedThroughApi> {
  const listType = opts.listType ?? 'scenario_need';
  const now = ctx.services.now().getTime();
  const call = await makeCall(ctx.services, {
    input: { listType, opensAt: new Date(now - 3600_000).toISOString(), closesAt: new Date(now + 3600_000).toISOString() },
  });
  const submissionIds: string[] = [];
  const owners: Client[] = [];
  let shared: Client | undefined;
  for (const item of opts.items) {
    const client = opts.sameOwner ? (shared ??= (await orgUser(ctx)).client) : (await orgUser(ctx)).client;
    const data = listType === 'scenario_need' ? scenarioNeedData(item) : capabilityData(item);
    const created = await ok(client.post('/api/v1/submissions', { callId: call.id, data }), 201, 'create submission');
    const id = JSON.parse(created.body).id as string;
    await ok(client.post(`/api/v1/submissions/${id}/transitions`, { action: 'submit' }), 200, 'submit');
    submissionIds.push(id);
    owners.push(client);
  }
  await ok(operator.post(`/api/v1/calls/${call.id}/transitions`, { action: 'close' }), 200, 'close call');
  await ok(operator.post(`/api/v1/calls/${call.id}/transitions`, { action: 'start_review' }), 200, 'start review');
  await ok(operator.post(`/api/v1/calls/${call.id}/selection`, { submissionIds, action: 'select' }), 200, 'select');
  const batch = await ok(
    operator.post(`/api/v1/calls/${call.id}/batches`, {
      ...(opts.number ? { number: opts.number } : {}),
      ...(opts.title ? { title: opts.title } : {}),
    }),
    201,
    'publish batch',
  );
  return { callId: call.id, batchId: JSON.parse(batch.body).id as string, submissionIds, owners };
}

/** published → awarded → in_delivery → accepted → benchmark case, as the operator. */
export async function promoteThroughApi(operator: Client, submissionId: string, resultsText: string) {
  for (const action of ['award', 'start_delivery', 'accept']) {
    await ok(operator.post(`/api/v1/submissions/${submissionId}/transitions`, { action }), 200, action);
  }
  return JSON.parse((await ok(operator.post(`/api/v1/submissions/${submissionId}/benchmark`, { resultsText }), 201, 'benchmark')).body);
}
