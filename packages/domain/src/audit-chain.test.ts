import { describe, expect, it } from 'vitest';
import { auditHash, canonicalJson, GENESIS_HASH, verifyChain, type AuditContent, type AuditEntry } from './audit-chain.js';

function content(seq: number): AuditContent {
  return {
    seq,
    at: new Date(Date.UTC(2026, 2, 1, 1, seq)).toISOString(),
    actorUserId: seq % 3 === 0 ? null : `user-${seq % 4}`,
    actorLabel: seq % 3 === 0 ? '系统' : `运营方用户${seq % 4}`,
    action: ['submit', 'start_review', 'select', 'publish'][seq % 4]!,
    entityType: 'scenario_need',
    entityId: `need-${Math.ceil(seq / 4)}`,
    fromState: seq % 4 === 1 ? 'draft' : 'submitted',
    toState: seq % 4 === 1 ? 'submitted' : 'in_review',
    reason: seq % 5 === 0 ? '材料不完整，请补充预算说明' : null,
    data: { seq, tags: ['制造', 'computer_vision'], nested: { b: 2, a: 1 } },
  };
}

/** Appends entries the way the writer does: each hash covers the content and the previous hash. */
function buildChain(n: number, start = { seq: 1, prevHash: GENESIS_HASH }): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = start.prevHash;
  for (let i = 0; i < n; i++) {
    const c = content(start.seq + i);
    const hash = auditHash(prev, c);
    out.push({ ...c, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

const clone = (entries: AuditEntry[]) => entries.map((e) => structuredClone(e));

describe('verifyChain', () => {
  it('accepts an intact chain and counts what it checked', () => {
    const chain = buildChain(10);
    expect(chain[0]!.prevHash).toBe(GENESIS_HASH);
    expect(chain[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyChain(chain)).toEqual({ ok: true, checked: 10 });
  });

  it('accepts an empty chain', () => {
    expect(verifyChain([])).toEqual({ ok: true, checked: 0 });
  });

  it('survives a JSON round trip (as through a jsonb column)', () => {
    const chain = JSON.parse(JSON.stringify(buildChain(6))) as AuditEntry[];
    expect(verifyChain(chain).ok).toBe(true);
  });

  it('reports an edited entry as hash_mismatch at its seq', () => {
    const chain = clone(buildChain(8));
    chain[4]!.reason = '（已篡改）';
    expect(verifyChain(chain)).toEqual({ ok: false, checked: 4, firstBad: { seq: 5, expectedSeq: 5, problem: 'hash_mismatch' } });
  });

  it.each([
    [
      'data',
      (e: AuditEntry) => {
        e.data = { seq: 999 };
      },
    ],
    [
      'actorLabel',
      (e: AuditEntry) => {
        e.actorLabel = '他人';
      },
    ],
    [
      'toState',
      (e: AuditEntry) => {
        e.toState = 'selected';
      },
    ],
    [
      'at',
      (e: AuditEntry) => {
        e.at = '2020-01-01T00:00:00.000Z';
      },
    ],
    [
      'actorUserId',
      (e: AuditEntry) => {
        e.actorUserId = 'intruder';
      },
    ],
  ])('notices an edit to %s', (_field, edit) => {
    const chain = clone(buildChain(5));
    edit(chain[2]!);
    expect(verifyChain(chain).firstBad).toEqual({ seq: 3, expectedSeq: 3, problem: 'hash_mismatch' });
  });

  it('notices an edited entry whose own hash was recomputed, at the next entry', () => {
    const chain = clone(buildChain(6));
    const e = chain[2]!;
    e.data = { seq: 3, forged: true };
    e.hash = auditHash(e.prevHash, e);
    expect(verifyChain(chain)).toEqual({ ok: false, checked: 3, firstBad: { seq: 4, expectedSeq: 4, problem: 'prev_hash_mismatch' } });
  });

  it('reports a deleted middle entry as sequence_gap where the gap is', () => {
    const chain = buildChain(7);
    const withoutFourth = [...chain.slice(0, 3), ...chain.slice(4)];
    expect(verifyChain(withoutFourth)).toEqual({ ok: false, checked: 3, firstBad: { seq: 5, expectedSeq: 4, problem: 'sequence_gap' } });
  });

  it('reports a deleted and renumbered entry as prev_hash_mismatch', () => {
    const chain = clone(buildChain(7));
    const rest = [...chain.slice(0, 3), ...chain.slice(4)];
    rest.forEach((e, i) => {
      e.seq = i + 1;
    });
    expect(verifyChain(rest)).toEqual({ ok: false, checked: 3, firstBad: { seq: 4, expectedSeq: 4, problem: 'prev_hash_mismatch' } });
  });

  it('reports a deleted first entry', () => {
    const chain = buildChain(4).slice(1);
    expect(verifyChain(chain).firstBad).toEqual({ seq: 2, expectedSeq: 1, problem: 'sequence_gap' });
  });

  it('reports swapped entries as sequence_gap', () => {
    const chain = buildChain(5);
    const swapped = [chain[0]!, chain[2]!, chain[1]!, chain[3]!, chain[4]!];
    expect(verifyChain(swapped).firstBad).toEqual({ seq: 3, expectedSeq: 2, problem: 'sequence_gap' });
  });

  it('verifies a segment from a known anchor', () => {
    const chain = buildChain(10);
    const anchor = chain[5]!;
    expect(verifyChain(chain.slice(6), { seq: 7, prevHash: anchor.hash })).toEqual({ ok: true, checked: 4 });
    expect(verifyChain(chain.slice(6), { seq: 7, prevHash: GENESIS_HASH }).firstBad?.problem).toBe('prev_hash_mismatch');
  });

  it('cannot see a truncated tail by itself; the count is what a caller compares with its stored head', () => {
    const chain = buildChain(6);
    const verdict = verifyChain(chain.slice(0, 4));
    expect(verdict).toEqual({ ok: true, checked: 4 });
    expect(verdict.checked).not.toBe(chain.length);
  });

  it('works on any iterable', () => {
    const chain = buildChain(3);
    function* gen() {
      yield* chain;
    }
    expect(verifyChain(gen())).toEqual({ ok: true, checked: 3 });
  });
});

describe('auditHash and canonicalJson', () => {
  it('is independent of key order, at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
    const c = content(1);
    const reordered = { ...c, data: { nested: { a: 1, b: 2 }, tags: ['制造', 'computer_vision'], seq: 1 } };
    expect(auditHash(GENESIS_HASH, reordered)).toBe(auditHash(GENESIS_HASH, c));
  });

  it('drops undefined object keys, as JSON storage does', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(canonicalJson(undefined)).toBe('null');
    const c = content(2);
    expect(auditHash(GENESIS_HASH, { ...c, data: undefined })).toBe(auditHash(GENESIS_HASH, { ...c, data: null }));
  });

  it('keeps array order and Chinese text as is', () => {
    expect(canonicalJson(['乙', '甲'])).toBe('["乙","甲"]');
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it('depends on the previous hash', () => {
    const c = content(1);
    expect(auditHash(GENESIS_HASH, c)).not.toBe(auditHash('f'.repeat(64), c));
  });

  it('ignores fields outside the audited content', () => {
    const c = content(1);
    const withExtra = { ...c, extra: 'not hashed' } as AuditContent;
    expect(auditHash(GENESIS_HASH, withExtra)).toBe(auditHash(GENESIS_HASH, c));
  });
});
