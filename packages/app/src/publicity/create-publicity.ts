import { insertPublicity, insertPublicityItems, listPublicitiesOfSubject } from '@scenebridge/db';
import { DomainError, publicityCreateSchema } from '@scenebridge/domain';
import type { z } from 'zod';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { authorizePublicityOperator } from './policy.js';
import { parseInput } from './present.js';
import { publicitySubject } from './subjects.js';

/** The operator prepares a 公示 (draft) of the subject's items as they are now; starting it opens the window. */
export async function createPublicity({
  services,
  actor,
  input,
}: {
  services: Services;
  actor: Actor | null;
  input: z.input<typeof publicityCreateSchema>;
}) {
  authorizePublicityOperator(actor);
  const body = parseInput(publicityCreateSchema, input);
  const subject = publicitySubject(body.subjectKind);
  return inTransaction(services, actor, async (tx, events) => {
    const { title, items } = await subject.load(tx, body.subjectId);
    const live = (await listPublicitiesOfSubject(tx, body.subjectKind, body.subjectId)).find((p) =>
      ['draft', 'running', 'ended'].includes(p.status),
    );
    if (live) throw new DomainError('PUBLICITY_EXISTS', `该事项已有尚未结束的公示：${live.title}`, 409, { publicityId: live.id });
    if (items.length === 0) throw new DomainError('PUBLICITY_NOTHING_TO_PUBLICISE', '没有可公示的条目（尚无入选项目）', 409);
    const p = await insertPublicity(tx, {
      subjectKind: body.subjectKind,
      subjectId: body.subjectId,
      title: body.title ?? title,
      workingDays: body.workingDays,
      status: 'draft',
      createdBy: actor!.userId,
    });
    await insertPublicityItems(
      tx,
      items.map((it, i) => ({ publicityId: p.id, seq: i + 1, ...it })),
    );
    await events.record({
      action: 'publicity.created',
      entityType: 'publicity',
      entityId: p.id,
      toState: 'draft',
      data: { subjectKind: p.subjectKind, subjectId: p.subjectId, workingDays: p.workingDays, items: items.length },
    });
    return p;
  });
}
