/** 政策动态 as the API answers it: the list's summaries and one issue with its items and measures. */
import { digestPublisherName, listDigestMeasuresByIds, listPolicyDigestItems, type Executor, type PolicyDigestRow } from '@scenebridge/db';
import { allowedActions, shanghaiDate } from '@scenebridge/domain';
import { digestNumberText, policyDigestMachine, type DigestDirection, type PolicyDigestState } from '@scenebridge/domain/policies';
import { isOperator, type Actor } from '../context.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;
/** Printed when the operator's organisation cannot be found (a deleted account). */
export const DEFAULT_DIGEST_PUBLISHER = '场景桥';

export function presentDigestSummary(d: PolicyDigestRow, itemCount: number) {
  return {
    id: d.id,
    title: d.title,
    status: d.status as PolicyDigestState,
    year: d.year,
    issueNo: d.issueNo,
    totalNo: d.totalNo,
    numberText: d.issueNo && d.totalNo ? digestNumberText({ issueNo: d.issueNo, totalNo: d.totalNo }) : null,
    itemCount,
    publishedAt: iso(d.publishedAt),
    createdAt: d.createdAt.toISOString(),
  };
}

export type PolicyDigestDetailView = Awaited<ReturnType<typeof presentDigestDetail>>;

export async function presentDigestDetail(db: Executor, actor: Actor | null, d: PolicyDigestRow, now: Date) {
  const rows = await listPolicyDigestItems(db, d.id);
  const measures = new Map(
    (
      await listDigestMeasuresByIds(
        db,
        rows.flatMap((r) => r.item.measureIds),
      )
    ).map((m) => [m.id, m]),
  );
  const by = d.publishedBy ?? d.createdBy;
  return {
    ...presentDigestSummary(d, rows.length),
    intro: d.intro,
    directions: d.directions as DigestDirection[],
    version: d.version,
    updatedAt: d.updatedAt.toISOString(),
    publisher: (by && (await digestPublisherName(db, by))) || DEFAULT_DIGEST_PUBLISHER,
    /** The day printed under the masthead: the publication day, or today for a draft. */
    issuedOn: shanghaiDate(d.publishedAt ?? now),
    allowedActions: isOperator(actor)
      ? [
          ...allowedActions(policyDigestMachine, d.status as PolicyDigestState, ['operator']),
          ...(d.status === 'draft' ? ['edit' as const] : []),
        ]
      : [],
    items: rows.map(({ item, policy: p }) => ({
      seq: item.seq,
      policy: { id: p.id, title: p.title, issuer: p.issuer, issuedOn: p.issuedOn, documentNumber: p.documentNumber, status: p.status },
      summary: item.summary,
      measureIds: item.measureIds,
      measures: item.measureIds.flatMap((id) => {
        const m = measures.get(id);
        return m
          ? [{ id: m.id, path: m.path, marker: m.marker, heading: m.heading, text: p.sourceText.slice(m.spanStart, m.spanEnd) }]
          : [];
      }),
    })),
  };
}
