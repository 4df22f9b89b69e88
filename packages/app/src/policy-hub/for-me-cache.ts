/**
 * The live measures with structured conditions, parsed once and kept in memory per database: a
 * cheap stamp query (counts, versions, last changes of published policies and calculators) says
 * when to read them again, so "measures for me" evaluates in memory on every request.
 */
import { livePolicyMeasures, policyMatchingStamp, type Executor } from '@scenebridge/db';
import { policyConditionsSchema, type PolicyConditions } from '@scenebridge/domain/policies';

export interface LiveMeasure {
  id: string;
  path: string;
  heading: string | null;
  marker: string;
  supportType: string | null;
  deadlineOn: string | null;
  policy: { id: string; title: string; validUntil: string | null };
  conditions: PolicyConditions;
  /** One key per condition (its JSON): conditions repeat across measures, so each is judged once per request. */
  conditionKeys: string[];
  hasCalculator: boolean;
}

interface Entry {
  key: string;
  measures: Promise<LiveMeasure[]>;
}
const cache = new WeakMap<object, Entry>();

async function read(db: Executor, day: string): Promise<LiveMeasure[]> {
  const rows = await livePolicyMeasures(db, day);
  const out: LiveMeasure[] = [];
  for (const { m, policyTitle, policyValidUntil, calculatorStatus } of rows) {
    // A rule set that no longer parses (stored before a schema change) is skipped, not guessed at.
    const parsed = policyConditionsSchema.safeParse(m.conditions);
    if (!parsed.success || parsed.data.length === 0) continue;
    if (m.deadlineOn && m.deadlineOn < day) continue;
    out.push({
      id: m.id,
      path: m.path,
      heading: m.heading,
      marker: m.marker,
      supportType: m.supportType,
      deadlineOn: m.deadlineOn,
      policy: { id: m.policyId, title: policyTitle, validUntil: policyValidUntil },
      conditions: parsed.data,
      conditionKeys: parsed.data.map((c) => JSON.stringify(c)),
      hasCalculator: calculatorStatus === 'confirmed',
    });
  }
  return out;
}

/** Published, valid today, not past their own deadline, with at least one condition. */
export async function liveMeasures(db: Executor, day: string): Promise<LiveMeasure[]> {
  const key = `${day}|${await policyMatchingStamp(db)}`;
  const hit = cache.get(db);
  if (hit?.key === key) return hit.measures;
  const measures = read(db, day);
  cache.set(db, { key, measures });
  measures.catch(() => cache.delete(db));
  return measures;
}
