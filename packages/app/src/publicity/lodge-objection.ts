import { findPublicity, findPublicityItem, insertObjection } from '@scenebridge/db';
import { DomainError, isObjectionWindowOpen, notFound, objectionInputSchema } from '@scenebridge/domain';
import type { z } from 'zod';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { authorizeObjector, publicityPolicy } from './policy.js';
import { parseInput } from './present.js';

/**
 * 异议: a user of an approved organisation objects to one item, inside the window by the server's
 * clock ([startedAt, endsAt); before the start or from the end on: 409 PUBLICITY_WINDOW_CLOSED).
 * The publicity row is locked, so an objection and the clock's end cannot cross.
 */
export async function lodgeObjection({
  services,
  actor,
  publicityId,
  input,
}: {
  services: Services;
  actor: Actor | null;
  publicityId: string;
  input: z.input<typeof objectionInputSchema>;
}) {
  const who = authorizeObjector(actor);
  const body = parseInput(objectionInputSchema, input);
  return inTransaction(services, actor, async (tx, events) => {
    const p = await findPublicity(tx, publicityId, { forUpdate: true });
    if (!p) throw notFound('公示');
    // A draft (not yet started) answers "not open yet" rather than 404; a cancelled one does not exist for organisations.
    if (p.status !== 'draft') publicityPolicy.authorize(actor, 'view', p);
    const now = services.now();
    if (!isObjectionWindowOpen(p, now)) {
      throw new DomainError(
        'PUBLICITY_WINDOW_CLOSED',
        !p.startedAt || now < p.startedAt ? '公示尚未开始，不能提出异议' : '公示期已结束，不能再提出异议',
        409,
        { startedAt: p.startedAt?.toISOString() ?? null, endsAt: p.endsAt?.toISOString() ?? null },
      );
    }
    const item = await findPublicityItem(tx, body.itemId);
    if (!item || item.publicityId !== p.id) {
      throw new DomainError('VALIDATION_FAILED', '提出异议的条目不在本次公示中', 400, [
        { path: 'itemId', message: '提出异议的条目不在本次公示中' },
      ]);
    }
    if (item.status !== 'listed') throw new DomainError('OBJECTION_ITEM_REVOKED', '该条目已被撤销，不能再提出异议', 409);
    const o = await insertObjection(tx, {
      publicityId: p.id,
      itemId: item.id,
      organizationId: who.organizationId,
      lodgedBy: who.userId,
      reasons: body.reasons,
      evidence: body.evidence,
      contact: body.contact,
      status: 'pending',
      createdAt: now,
    });
    await events.record({
      action: 'objection.lodged',
      entityType: 'objection',
      entityId: o.id,
      toState: 'pending',
      data: { publicityId: p.id, itemId: item.id, evidence: body.evidence.length },
    });
    return o;
  });
}
