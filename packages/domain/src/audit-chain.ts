import { createHash } from 'node:crypto';

/** What an audit entry says; the hash covers exactly these fields and the previous hash. */
export interface AuditContent {
  seq: number;
  at: string; // ISO-8601 UTC
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  data: unknown;
}

export interface AuditEntry extends AuditContent {
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return canonicalJson((value as { toJSON: () => unknown }).toJSON()); // Dates hash as the string JSON stores
  }
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function auditHash(prevHash: string, content: AuditContent): string {
  const c: AuditContent = {
    seq: content.seq,
    at: content.at,
    actorUserId: content.actorUserId,
    actorLabel: content.actorLabel,
    action: content.action,
    entityType: content.entityType,
    entityId: content.entityId,
    fromState: content.fromState,
    toState: content.toState,
    reason: content.reason,
    data: content.data ?? null,
  };
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(c)).digest('hex');
}

export type ChainProblem = 'sequence_gap' | 'prev_hash_mismatch' | 'hash_mismatch';
export interface ChainVerdict {
  ok: boolean;
  checked: number;
  firstBad?: { seq: number; expectedSeq: number; problem: ChainProblem };
}

/**
 * Walks entries in `seq` order. A deleted entry shows as a gap in `seq` (or, if the
 * sequence was renumbered, as a previous-hash mismatch); an edited one as a hash mismatch.
 */
export function verifyChain(
  entries: Iterable<AuditEntry>,
  start: { seq: number; prevHash: string } = { seq: 1, prevHash: GENESIS_HASH },
): ChainVerdict {
  let expectedSeq = start.seq;
  let prev = start.prevHash;
  let checked = 0;
  for (const e of entries) {
    if (e.seq !== expectedSeq) return { ok: false, checked, firstBad: { seq: e.seq, expectedSeq, problem: 'sequence_gap' } };
    if (e.prevHash !== prev) return { ok: false, checked, firstBad: { seq: e.seq, expectedSeq, problem: 'prev_hash_mismatch' } };
    if (auditHash(e.prevHash, e) !== e.hash) return { ok: false, checked, firstBad: { seq: e.seq, expectedSeq, problem: 'hash_mismatch' } };
    prev = e.hash;
    expectedSeq++;
    checked++;
  }
  return { ok: true, checked };
}
