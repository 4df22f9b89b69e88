/**
 * Ingesting a policy (政策解析入库): the text, pasted or read from an upload, is read once
 * (domain readPolicy: metadata, measures, fields, terms, calculator proposals) and stored as a
 * draft for the operator to review. Idempotent by content: the same text again answers the policy
 * already stored (created false). Everything in one transaction, with `policy.ingested` audited.
 */
import { createHash } from 'node:crypto';
import {
  findPolicyBySourceHash,
  insertPolicy,
  insertPolicyMeasures,
  insertPolicyTerms,
  upsertPolicyCalculator,
  type NewPolicyTerm,
} from '@scenebridge/db';
import { DomainError } from '@scenebridge/domain';
import { readPolicy } from '@scenebridge/domain/policies';
import type { Actor, Services } from '../context.js';
import { inTransaction } from '../shared/index.js';
import { authorizePolicyManagement } from './access.js';

export const POLICY_TEXT_LIMITS = { min: 20, max: 500_000 } as const;
export type PolicySourceFormat = 'paste' | 'docx' | 'pdf' | 'html' | 'txt';

/** Line ends and invisible characters normalised, so the same notice pasted twice is one policy. */
export function normalisePolicyText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/\u200b|\u200c|\u200d|\ufeff/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export async function ingestPolicy({
  services,
  actor,
  text: raw,
  format,
  filename,
}: {
  services: Services;
  actor: Actor | null;
  text: string;
  format: PolicySourceFormat;
  filename?: string | null;
}) {
  const me = authorizePolicyManagement(actor);
  const text = normalisePolicyText(raw);
  if (text.length < POLICY_TEXT_LIMITS.min)
    throw new DomainError('VALIDATION_FAILED', `政策正文过短（至少${POLICY_TEXT_LIMITS.min}个字）`, 400, [
      { path: 'text', message: '政策正文过短' },
    ]);
  if (text.length > POLICY_TEXT_LIMITS.max)
    throw new DomainError('VALIDATION_FAILED', `政策正文过长（最多${POLICY_TEXT_LIMITS.max}个字），请拆分后分别导入`, 400, [
      { path: 'text', message: '政策正文过长' },
    ]);
  const sha = createHash('sha256').update(text, 'utf8').digest('hex');
  const known = await findPolicyBySourceHash(services.db, sha);
  if (known) return { id: known.id, created: false };

  const reading = readPolicy(text);
  const meta = reading.metadata;
  const title = (meta.title ?? text.split('\n', 1)[0]!).slice(0, 200);
  return inTransaction(services, me, async (tx, events) => {
    const again = await findPolicyBySourceHash(tx, sha);
    if (again) return { id: again.id, created: false };
    const now = services.now();
    const p = await insertPolicy(tx, {
      title,
      issuer: meta.issuer ?? null,
      issuedOn: meta.issuedOn ?? null,
      documentNumber: meta.documentNumber ?? null,
      validFrom: meta.validity?.from ?? null,
      validUntil: meta.validity?.until ?? null,
      validityPhrase: meta.validity?.phrase ?? null,
      sourceText: text,
      sourceFormat: format,
      sourceFilename: filename ?? null,
      sourceSha256: sha,
      status: 'draft',
      createdBy: me.userId,
      createdAt: now,
      updatedAt: now,
    });
    const ids = await insertPolicyMeasures(
      tx,
      reading.measures.map((m, seq) => ({
        policyId: p.id,
        seq,
        path: m.path,
        depth: m.depth,
        marker: m.marker,
        heading: m.heading ?? null,
        spanStart: m.span.start,
        spanEnd: m.span.end,
        responsibleUnits: m.responsibleUnits,
        leadUnit: m.leadUnit ?? null,
        beneficiaries: m.beneficiaries,
        conditionTexts: m.conditionTexts,
      })),
    );
    const terms: NewPolicyTerm[] = reading.measures.flatMap((m) =>
      m.terms.map((t) => ({
        measureId: ids.get(m.path)!,
        type: t.type,
        valueNumber: typeof t.value === 'number' ? String(t.value) : null,
        valueText: typeof t.value === 'string' ? t.value : null,
        unit: t.unit,
        qualifier: t.qualifier ?? null,
        spanStart: t.span.start,
        spanEnd: t.span.end,
      })),
    );
    await insertPolicyTerms(tx, terms);
    let calculators = 0;
    for (const m of reading.measures) {
      if (!m.calculator) continue;
      calculators++;
      await upsertPolicyCalculator(tx, {
        measureId: ids.get(m.path)!,
        definition: { ...m.calculator.calculator, notes: m.calculator.notes },
        status: 'proposed',
        updatedAt: now,
      });
    }
    await events.record({
      action: 'policy.ingested',
      entityType: 'policy',
      entityId: p.id,
      toState: 'draft',
      data: {
        format,
        filename: filename ?? null,
        characters: text.length,
        measures: reading.measures.length,
        terms: terms.length,
        calculators,
      },
    });
    return { id: p.id, created: true };
  });
}
