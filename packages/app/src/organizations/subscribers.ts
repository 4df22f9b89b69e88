/**
 * What follows from an organisation's review, in its transaction: the operators hear of each
 * registration or re-application waiting for them, the organisation's admins of the decision
 * and of a 失信 flag set or lifted.
 */
import { emailByDefault } from '@scenebridge/contract/notifications/labels';
import { findOrganization, notifyUsers, organizationUsersWithRole, usersWithRole, type NotifyItem } from '@scenebridge/db';
import { exceptActor } from '../notifications/index.js';
import type { Subscriber } from '../shared/index.js';

const WAITING = ['organization.registered', 'organization.reapply'];
const DECIDED = ['organization.approve', 'organization.reject'];
const DISHONESTY = ['organization.dishonesty_flagged', 'organization.dishonesty_cleared'];

export const organizationNotifications: Subscriber = async (events, { tx, actor }) => {
  const relevant = events.filter((e) => WAITING.includes(e.action) || DECIDED.includes(e.action) || DISHONESTY.includes(e.action));
  if (relevant.length === 0) return;
  const notes: NotifyItem[] = [];
  for (const e of relevant) {
    const org = (await findOrganization(tx, e.entityId))!;
    if (WAITING.includes(e.action)) {
      const again = e.action === 'organization.reapply';
      for (const op of exceptActor(actor, await usersWithRole(tx, 'operator'))) {
        notes.push({
          userId: op.id,
          kind: 'organization.pending',
          title: `${again ? '机构重新提交审核' : '新的机构注册'}：${org.name}`,
          body: `统一社会信用代码 ${org.creditCode}，请审核。`,
          link: '/organizations',
          data: { organizationId: org.id },
          email: emailByDefault('organization.pending'),
        });
      }
      continue;
    }
    if (DISHONESTY.includes(e.action)) {
      // The organisation is told of a 失信 flag set or lifted, with the source and the reason: it decides what it may apply to.
      const flagged = e.action === 'organization.dishonesty_flagged';
      const { source } = e.data as { source: string };
      for (const admin of exceptActor(actor, await organizationUsersWithRole(tx, org.id, 'org_admin'))) {
        notes.push({
          userId: admin.id,
          kind: 'organization.dishonesty_changed',
          title: flagged ? `本机构被标记为失信主体：${org.name}` : `本机构的失信标记已解除：${org.name}`,
          body: flagged
            ? `来源：${source}\n原因：${e.reason ?? ''}\n要求无失信记录的揭榜任务将不能申报。如已完成信用修复，请联系运营方并提供证明。`
            : `依据：${source}\n原因：${e.reason ?? ''}`,
          link: '/',
          data: { organizationId: org.id },
          email: emailByDefault('organization.dishonesty_changed'),
        });
      }
      continue;
    }
    const approved = e.action === 'organization.approve';
    for (const admin of exceptActor(actor, await organizationUsersWithRole(tx, org.id, 'org_admin'))) {
      notes.push({
        userId: admin.id,
        kind: approved ? 'organization.approved' : 'organization.rejected',
        title: approved ? `机构审核已通过：${org.name}` : `机构审核未通过：${org.name}`,
        body: approved ? '现在可以参与征集、填报需求或能力。' : `原因：${e.reason ?? ''}\n请按原因处理后重新提交审核。`,
        link: '/',
        data: { organizationId: org.id },
        email: emailByDefault(approved ? 'organization.approved' : 'organization.rejected'),
      });
    }
  }
  await notifyUsers(tx, notes);
};
