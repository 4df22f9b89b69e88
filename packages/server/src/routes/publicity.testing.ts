/**
 * A call whose items are selected and not yet published, built through the API as the platform
 * does (submitted by their own organisations, closed, reviewed, selected): what a 公示 of a call's
 * selected items starts from.
 */
import { makeCall, orgUser, scenarioNeedData, type Client, type TestContext } from '../testing.js';

async function ok(res: Promise<{ statusCode: number; body: string }>, status: number, what: string) {
  const r = await res;
  if (r.statusCode !== status) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return r;
}

export async function selectedThroughApi(ctx: TestContext, operator: Client, titles: string[]) {
  const now = ctx.services.now().getTime();
  const call = await makeCall(ctx.services, {
    input: { listType: 'scenario_need', opensAt: new Date(now - 3600_000).toISOString(), closesAt: new Date(now + 3600_000).toISOString() },
  });
  const submissionIds: string[] = [];
  const owners: { client: Client; organizationName: string; organizationId: string; userId: string }[] = [];
  for (const title of titles) {
    const { client, org, user } = await orgUser(ctx);
    const created = await ok(client.post('/api/v1/submissions', { callId: call.id, data: scenarioNeedData({ title }) }), 201, 'create');
    const id = JSON.parse(created.body).id as string;
    await ok(client.post(`/api/v1/submissions/${id}/transitions`, { action: 'submit' }), 200, 'submit');
    submissionIds.push(id);
    owners.push({ client, organizationName: org.name, organizationId: org.id, userId: user.id });
  }
  await ok(operator.post(`/api/v1/calls/${call.id}/transitions`, { action: 'close' }), 200, 'close call');
  await ok(operator.post(`/api/v1/calls/${call.id}/transitions`, { action: 'start_review' }), 200, 'start review');
  await ok(operator.post(`/api/v1/calls/${call.id}/selection`, { submissionIds, action: 'select' }), 200, 'select');
  return { callId: call.id, submissionIds, owners };
}

/** A publicity of the call's selected items, started (running) unless `start: false`. */
export async function publicityOfCall(operator: Client, callId: string, opts: { start?: boolean; workingDays?: number } = {}) {
  const created = await ok(
    operator.post('/api/v1/publicities', { subjectKind: 'call_selection', subjectId: callId, workingDays: opts.workingDays ?? 5 }),
    201,
    'create publicity',
  );
  const p = JSON.parse(created.body) as { id: string; items: { id: string; subjectItemId: string }[] };
  if (opts.start !== false) await ok(operator.post(`/api/v1/publicities/${p.id}/transitions`, { action: 'start' }), 200, 'start publicity');
  return p;
}

export const objectionBody = (itemId: string, overrides: Record<string, unknown> = {}) => ({
  itemId,
  reasons: '该项目申报材料中的应用成效数据与实际不符，请核查。',
  evidence: [{ title: '现场照片', url: 'https://example.com/evidence/1' }],
  contact: '王工 13800138000',
  ...overrides,
});
