/**
 * What follows from an organisation's review, in its transaction: the operators hear of each
 * registration or re-application waiting for them, the organisation's admins of the decision.
 */
import { emailByDefault } from '@scenebridge/contract/notifications/labels';
import { findOrganization, notifyUsers, organizationUsersWithRole, usersWithRole, type NotifyItem } from '@scenebridge/db';
import { exceptActor } from '../notifications/index.js';
import type { Subscriber } from '../shared/index.js';

const WAITING = ['organization.registered', 'organization.reapply'];
const DECIDED = ['organization.approve', 'organization.reject'];

export const organizationNotifications: Subscriber = async (events, { tx, actor }) => {
  const relevant = events.filter((e) => WAITING.includes(e.action) || DECIDED.includes(e.action));
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
