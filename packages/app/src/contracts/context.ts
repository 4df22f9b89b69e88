/** What presenting a registration needs besides the row: the calendar and the deadline rules. */
import { findTechContract, listContractLineage, listTechContractAttachments, type Executor } from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import type { Actor } from '../context.js';
import { loadWorkingCalendar } from '../calendar/index.js';
import { contractPolicy } from './policy.js';
import { presentContractDetail, type PresentContext } from './present.js';
import { loadContractDeadlineRules } from './settings.js';

export async function presentContext(db: Executor, actor: Actor | null, now: Date): Promise<PresentContext> {
  const [calendar, rules] = await Promise.all([loadWorkingCalendar(db), loadContractDeadlineRules(db)]);
  return { actor, now, calendar, rules };
}

/** The detail answer of one registration the actor may view (404 otherwise). */
export async function contractDetailFor(db: Executor, actor: Actor | null, id: string, now: Date) {
  const c = await findTechContract(db, id);
  if (!c) throw notFound(contractPolicy.label);
  contractPolicy.authorize(actor, 'view', c);
  const [attachments, versions, ctx] = await Promise.all([
    listTechContractAttachments(db, c.id),
    listContractLineage(db, c.lineageId),
    presentContext(db, actor, now),
  ]);
  return presentContractDetail(c, { ...ctx, attachments, versions });
}
