import { readAuditChain, readAuditHead } from '@scenebridge/db';
import { GENESIS_HASH, verifyChain, type AuditEntry, type ChainVerdict } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { AUDIT_TRAIL, auditPolicy } from './policy.js';

export interface ChainReport extends ChainVerdict {
  headSeq: number;
}

/**
 * Recomputes every hash. Also compares the last entry with the chain head, which catches
 * entries deleted from the end (a gap check alone cannot see those).
 */
export async function verifyAuditChain({ services, actor }: { services: Services; actor: Actor | null }): Promise<ChainReport> {
  auditPolicy.authorize(actor, 'verify', AUDIT_TRAIL);
  const head = await readAuditHead(services.db);
  let start = { seq: 1, prevHash: GENESIS_HASH };
  let checked = 0;
  let page: AuditEntry[] = [];
  const check = (): ChainReport | null => {
    const v = verifyChain(page, start);
    checked += v.checked;
    if (!v.ok) return { ...v, checked, headSeq: head.seq };
    const last = page[page.length - 1];
    if (last) start = { seq: last.seq + 1, prevHash: last.hash };
    page = [];
    return null;
  };
  for await (const e of readAuditChain(services.db)) {
    page.push(e);
    if (page.length >= 5000) {
      const bad = check();
      if (bad) return bad;
    }
  }
  const bad = check();
  if (bad) return bad;
  if (start.seq - 1 !== head.seq || start.prevHash !== head.hash) {
    return { ok: false, checked, headSeq: head.seq, firstBad: { seq: start.seq, expectedSeq: start.seq, problem: 'sequence_gap' } };
  }
  return { ok: true, checked, headSeq: head.seq };
}
