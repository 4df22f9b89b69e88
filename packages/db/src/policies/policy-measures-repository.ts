/** The SQL of measure corrections and calculators (docs/policies.md): what repository.ts does not already offer. */
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { policyCalculators, policyTerms } from './schema.js';
import type { PolicyCalculatorRow, PolicyTermRow } from './repository.js';

export async function listMeasureTerms(db: Executor, measureId: string): Promise<PolicyTermRow[]> {
  return db.select().from(policyTerms).where(eq(policyTerms.measureId, measureId)).orderBy(asc(policyTerms.spanStart));
}

export async function findPolicyCalculatorForUpdate(db: Executor, measureId: string): Promise<PolicyCalculatorRow | undefined> {
  const [r] = await db.select().from(policyCalculators).where(eq(policyCalculators.measureId, measureId)).for('update');
  return r;
}

/** Confirms only a proposal, so two operators confirming at once record one confirmation. */
export async function confirmPolicyCalculator(
  db: Executor,
  measureId: string,
  by: string,
  at: Date,
): Promise<PolicyCalculatorRow | undefined> {
  const [r] = await db
    .update(policyCalculators)
    .set({ status: 'confirmed', confirmedBy: by, confirmedAt: at, updatedAt: at })
    .where(and(eq(policyCalculators.measureId, measureId), eq(policyCalculators.status, 'proposed')))
    .returning();
  return r;
}

export async function deletePolicyCalculator(db: Executor, measureId: string): Promise<boolean> {
  const rows = await db
    .delete(policyCalculators)
    .where(eq(policyCalculators.measureId, measureId))
    .returning({ id: policyCalculators.measureId });
  return rows.length === 1;
}
