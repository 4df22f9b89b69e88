/** What presenting a registration needs besides the row: the calendar and the deadline rules. */
import { findTechContract, listContractLineage, listTechContractAttachments, type Executor } from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import type { Actor } from '../context.js';
import { loadWorkingCalendar } from '../calendar/index.js';
import { contractPolicy } from './policy.js';
import { presentContractDetail, type PresentContext } from './present.js';
import { loadContractDeadlineRules } from './settings.js';

// One query after another: `db` may be a transaction's single connection, which must not be
// sent a query while another is running (pg deprecates it; it fails from pg 9).
export async function presentContext(db: Executor, actor: Actor | null, now: Date): Promise<PresentContext> {
  const calendar = await loadWorkingCalendar(db);
  const rules = await loadContractDeadlineRules(db);
  return { actor, now, calendar, rules };
}

/** The detail answer of one registration the actor may view (404 otherwise). */
export async function contractDetailFor(db: Executor, actor: Actor | null, id: string, now: Date) {
  const c = await findTechContract(db, id);
  if (!c) throw notFound(contractPolicy.label);
  contractPolicy.authorize(actor, 'view', c);
  const attachments = await listTechContractAttachments(db, c.id);
  const versions = await listContractLineage(db, c.lineageId);
  const ctx = await presentContext(db, actor, now);
  return presentContractDetail(c, { ...ctx, attachments, versions });
}
