/**
 * What follows from a registration's move, in its transaction (docs/notifications.md):
 * submitted or resubmitted → the registrars (users with the registrar role; the operators when
 * no registrar is appointed); returned for correction, registered or refused → the seller
 * organisation's users, with the reason or the registration number.
 */
import { emailByDefault, type NotificationKind } from '@scenebridge/contract/notifications/labels';
import { findTechContract, notifyUsers, usersOfOrganizations, usersWithRole, type Executor, type NotifyItem } from '@scenebridge/db';
import { exceptActor } from '../notifications/index.js';
import type { Subscriber } from '../shared/index.js';

const TO_REGISTRARS = new Set(['contract.submit', 'contract.resubmit']);
const TO_SELLER: Record<string, NotificationKind> = {
  'contract.return_for_correction': 'contract.returned',
  'contract.register': 'contract.registered',
  'contract.refuse': 'contract.refused',
};

/** Who handles registrations: the registrars, or the operators when there is none. */
export async function contractHandlers(db: Executor): Promise<{ id: string }[]> {
  const registrars = await usersWithRole(db, 'registrar');
  return registrars.length ? registrars : usersWithRole(db, 'operator');
}

export const contractNotifications: Subscriber = async (events, { tx, actor }) => {
  const mine = events.filter((e) => TO_REGISTRARS.has(e.action) || e.action in TO_SELLER);
  if (mine.length === 0) return;
  const notes: NotifyItem[] = [];
  for (const e of mine) {
    const c = (await findTechContract(tx, e.entityId))!;
    const link = `/contracts/${c.id}`;
    if (TO_REGISTRARS.has(e.action)) {
      const again = e.action === 'contract.resubmit';
      for (const u of exceptActor(actor, await contractHandlers(tx))) {
        notes.push({
          userId: u.id,
          kind: 'contract.submitted',
          title: `${again ? '技术合同补正后重新提交' : '新的技术合同登记申请'}：${c.projectName}`,
          body: `${c.sellerOrganizationName}提交了技术合同登记，法定办结日 ${c.dueOn ?? ''}${c.expertReview ? '（需专家评审）' : ''}。`,
          link,
          data: { contractId: c.id, dueOn: c.dueOn },
          email: emailByDefault('contract.submitted'),
        });
      }
      continue;
    }
    const kind = TO_SELLER[e.action]!;
    const body =
      kind === 'contract.registered'
        ? `登记编号：${c.registrationNo ?? ''}`
        : kind === 'contract.returned'
          ? `原因：${e.reason ?? ''}\n请补正后重新提交，办理时限自重新提交之日起重新计算。`
          : `原因：${e.reason ?? ''}`;
    const title = {
      'contract.returned': '技术合同登记被退回补正',
      'contract.registered': '技术合同已登记',
      'contract.refused': '技术合同未予登记',
    }[kind as 'contract.returned' | 'contract.registered' | 'contract.refused'];
    for (const u of exceptActor(actor, await usersOfOrganizations(tx, [c.sellerOrganizationId]))) {
      notes.push({
        userId: u.id,
        kind,
        title: `${title}：${c.projectName}`,
        body,
        link,
        data: { contractId: c.id, registrationNo: c.registrationNo, reason: e.reason ?? null },
        email: emailByDefault(kind),
      });
    }
  }
  await notifyUsers(tx, notes);
};
