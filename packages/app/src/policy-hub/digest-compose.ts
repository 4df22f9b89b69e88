/**
 * Drafting an issue from published policies: each policy's summary and key measures (domain
 * pickKeyMeasures / composeDigestSummary) and the suggested directions, from the stored
 * reading of the policies.
 */
import {
  findPoliciesForDigest,
  listDigestMeasuresWithTerms,
  type Executor,
  type NewPolicyDigestItem,
  type PolicyRow,
} from '@scenebridge/db';
import { DomainError } from '@scenebridge/domain';
import {
  composeDigestSummary,
  pickKeyMeasures,
  suggestDigestDirections,
  type DigestDirection,
  type DigestMeasure,
} from '@scenebridge/domain/policies';

/** The policies in the order given; any that is unknown or not published is refused by its place. */
export async function loadPublishedPolicies(db: Executor, ids: readonly string[], path: (i: number) => string): Promise<PolicyRow[]> {
  const found = new Map((await findPoliciesForDigest(db, ids)).map((p) => [p.id, p]));
  const details = ids.flatMap((id, i) =>
    found.get(id)?.status === 'published' ? [] : [{ path: path(i), message: '政策不存在或尚未发布' }],
  );
  if (details.length) throw new DomainError('VALIDATION_FAILED', '只能选择已发布的政策', 400, details);
  return ids.map((id) => found.get(id)!);
}

type MeasureWithTerms = Awaited<ReturnType<typeof listDigestMeasuresWithTerms>>[number];

/** A stored measure as the domain reads it: its verbatim words and its terms' normalised values. */
export function digestMeasureOf(p: PolicyRow, { measure: m, terms }: MeasureWithTerms): DigestMeasure {
  return {
    id: m.id,
    seq: m.seq,
    heading: m.heading,
    text: p.sourceText.slice(m.spanStart, m.spanEnd),
    terms: terms.map((t) => ({ type: t.type, value: t.valueText ?? Number(t.valueNumber), unit: t.unit, qualifier: t.qualifier })),
  };
}

export async function measuresByPolicy(db: Executor, list: readonly PolicyRow[]): Promise<Map<string, DigestMeasure[]>> {
  const byId = new Map(list.map((p) => [p.id, p]));
  const out = new Map<string, DigestMeasure[]>(list.map((p) => [p.id, []]));
  for (const row of await listDigestMeasuresWithTerms(db, [...byId.keys()]))
    out.get(row.measure.policyId)!.push(digestMeasureOf(byId.get(row.measure.policyId)!, row));
  return out;
}

export async function composeDigest(
  db: Executor,
  list: readonly PolicyRow[],
): Promise<{ items: NewPolicyDigestItem[]; directions: DigestDirection[] }> {
  const measures = await measuresByPolicy(db, list);
  const items = list.map((p, seq) => {
    const key = pickKeyMeasures(measures.get(p.id)!);
    return { policyId: p.id, seq, summary: composeDigestSummary(p, key), measureIds: key.map((m) => m.id) };
  });
  const directions = suggestDigestDirections(list.map((p) => ({ title: p.title, measures: measures.get(p.id)! })));
  return { items, directions };
}
