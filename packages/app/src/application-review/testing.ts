/** Test helpers of application review: an application written straight into a state, with its consortium. */
import { insertApplication, insertParticipants, type Database } from '@scenebridge/db';

/** An application of `leadOrganizationId` (members confirmed) to `challengeId`, `submitted` unless told. */
export async function makeApplication(
  services: { db: Database; now: () => Date },
  challengeId: string,
  leadOrganizationId: string,
  opts: { memberOrganizationIds?: string[]; status?: string; quoteFen?: number } = {},
) {
  const now = services.now();
  const app = (await insertApplication(services.db, {
    challengeId,
    leadOrganizationId,
    status: opts.status ?? 'submitted',
    plan: '采用深度学习视觉检测方案，部署线阵相机与边缘计算节点，实现二十类缺陷的在线检测与分类。',
    teamLeader: { name: '王五', title: '项目负责人', phone: '13900139001' },
    quoteFen: opts.quoteFen ?? 300_000_000,
    schedule: [{ plannedDate: '2027-03-01' }, { plannedDate: '2027-09-30' }],
    submittedAt: (opts.status ?? 'submitted') === 'draft' ? null : now,
  }))!;
  await insertParticipants(services.db, [
    { applicationId: app.id, challengeId, organizationId: leadOrganizationId, role: 'lead', status: 'confirmed', position: 0 },
    ...(opts.memberOrganizationIds ?? []).map((organizationId, i) => ({
      applicationId: app.id,
      challengeId,
      organizationId,
      role: 'member',
      status: 'confirmed',
      position: i + 1,
    })),
  ]);
  return app;
}
