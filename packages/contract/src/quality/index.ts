/** Quality at the door (查重与完整性提示): near-duplicates, vagueness hints, duplicate clusters, merges. */
import { QUALITY_HINT_CODES } from '@scenebridge/domain';
import { z } from 'zod';

/** An item the caller may see: its own organisation's, a published one, or any (operators, brokers). */
export const visibleDuplicate = z.object({
  visible: z.literal(true),
  id: z.string(),
  similarity: z.number(),
  title: z.string(),
  organizationName: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  batchTitle: z.string().nullable(),
  sharedTerms: z.array(z.string()),
  /** The caller's own organisation's item. */
  mine: z.boolean(),
});
export type VisibleDuplicate = z.infer<typeof visibleDuplicate>;

/** Another organisation's unpublished item, nearly a copy of the draft: nothing more is told. */
export const hiddenDuplicate = z.object({ visible: z.literal(false) });
export type HiddenDuplicate = z.infer<typeof hiddenDuplicate>;

export const duplicateCandidate = z.discriminatedUnion('visible', [visibleDuplicate, hiddenDuplicate]);
export type DuplicateCandidate = z.infer<typeof duplicateCandidate>;

export { QUALITY_HINT_CODES };
export const qualityHint = z.object({ code: z.enum(QUALITY_HINT_CODES), field: z.string(), message: z.string() });
export type QualityHint = z.infer<typeof qualityHint>;

/** POST /quality/check */
export const qualityReport = z.object({ duplicates: z.array(duplicateCandidate), hints: z.array(qualityHint) });
export type QualityReport = z.infer<typeof qualityReport>;

export const duplicateClusterItem = z.object({
  id: z.string(),
  title: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  status: z.string(),
  /** Its state allows merging it into another item. */
  mergeable: z.boolean(),
  regionName: z.string().nullable(),
  submittedAt: z.string().nullable(),
});
export type DuplicateClusterItem = z.infer<typeof duplicateClusterItem>;

export const duplicateCluster = z.object({
  /** The representative item's id. */
  id: z.string(),
  maxSimilarity: z.number(),
  items: z.array(duplicateClusterItem),
  pairs: z.array(z.object({ a: z.string(), b: z.string(), similarity: z.number(), sharedTerms: z.array(z.string()) })),
});
export type DuplicateCluster = z.infer<typeof duplicateCluster>;

/** GET /duplicates/clusters */
export const duplicateClusters = z.object({ considered: z.number().int(), truncated: z.boolean(), clusters: z.array(duplicateCluster) });
export type DuplicateClusters = z.infer<typeof duplicateClusters>;

/** POST /duplicates/merge */
export const mergeResult = z.object({ keptId: z.string(), merged: z.array(z.string()) });
export type MergeResult = z.infer<typeof mergeResult>;
