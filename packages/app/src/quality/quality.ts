/**
 * Quality at the door: near-duplicates of a draft among listings already submitted or published
 * (any organisation, any batch) and hints about vague entries; for operators, clusters of
 * near-duplicates across organisations and merging them.
 */
import {
  appendAuditEvents, listingTexts, lockSubmissionsWithOwners, markMerged, notifyUsers, usersOfOrganizations,
} from '@scenebridge/db';
import {
  capabilityFields, decide, DomainError, forbidden, LIST_TYPES, notFound, regionFullName, scenarioNeedFields, submissionMachine,
  SUBMISSION_STATE_LABELS, type ListType, type SubmissionState,
} from '@scenebridge/domain';
import { candidateQuery, clusterNearDuplicates, findNearDuplicates, ProfileCache, vaguenessHints, type Listing } from '@scenebridge/search';
import { z } from 'zod';
import { isOperator, type Actor, type Services } from '../context.js';
import type { ListingFields } from '../search/index.js';
import { canSeeListing } from '../search/index.js';
import { auditEvent } from '../audit/index.js';
import { viewerOf } from '../search/index.js';

/** Listings a new entry could duplicate, and that a cluster may hold: live, not folded away. */
const COMPARABLE = new Set(['submitted', 'in_review', 'returned_for_revision', 'selected', 'published', 'matching', 'awarded', 'in_delivery', 'accepted', 'benchmark_case']);
/** States an item can be merged from (the submission machine's `merge`). */
const MERGEABLE = new Set(submissionMachine.transitions.find((t) => t.action === 'merge')!.from as readonly string[]);
const MAX_CLUSTER_ITEMS = 5000;

/**
 * The form's own field rules (packages/domain), every field optional: the check runs while the
 * form is being filled in, so a value still too short or half typed (a phone number, an email)
 * is what the hints are for. A value over a limit, of the wrong type or outside its list cannot
 * come from the form and is refused before any analysis: the limits are what bound its cost.
 */
const DRAFT_FIELD_RULES = {
  scenario_need: z.object(scenarioNeedFields).partial(),
  capability: z.object(capabilityFields).partial(),
} satisfies Record<ListType, z.ZodType>;
const UNFINISHED = new Set(['too_small', 'invalid_format', 'custom']);

/** The value at an issue's path: a field inside a half-filled group (contact without a phone yet) is missing, not wrong. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const key of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}
const unfinished = (issue: z.core.$ZodIssue, data: unknown) =>
  UNFINISHED.has(issue.code) || (issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined);

export const qualityCheckBody = z.object({
  listType: z.enum(LIST_TYPES),
  data: z.record(z.string(), z.unknown()),
  /** The item being edited, left out of its own duplicates. */
  submissionId: z.uuid().optional(),
}).superRefine((body, ctx) => {
  const parsed = DRAFT_FIELD_RULES[body.listType].safeParse(body.data);
  for (const issue of parsed.error?.issues ?? []) {
    if (!unfinished(issue, body.data)) ctx.addIssue({ code: 'custom', path: ['data', ...issue.path], message: issue.message });
  }
});

/**
 * Another organisation's unpublished item is a competitor's filing. Its status, score and shared
 * words would tell a caller whether a rival has filed something containing given words, one word
 * per request. Saying nothing at all would also hide the useful case: the same circulated text
 * filed twice (two departments, one need). So such an item is reported only as "a similar
 * unpublished item exists" (at most once, after the visible ones, no detail), and only for a
 * near copy: rewordings of one need score 0.4–0.75 (search quality fixtures), a title alone 0.8,
 * a copy 0.9+. Probing that bit word by word needs most of the text to begin with, and the
 * per-user rate limit (http/rate-limits.ts) bounds the number of probes.
 */
const HIDDEN_REPORT_SIMILARITY = 0.85;
const MAX_VISIBLE_DUPLICATES = 5;
/**
 * Re-scoring segments each candidate's whole text (about 1.6 µs a character): 50 candidates of
 * the longest allowed texts would cost over half a second on the request thread. Candidates come
 * strongest first; past this many characters the rest are left out. Typical listings (a few
 * hundred characters) all fit.
 */
const MAX_RESCORED_CHARS = 40_000;

/** One cache of candidates' profiles per search index (i.e. per process and database). */
const profileCaches = new WeakMap<Services['search'], ProfileCache>();
function profileCacheOf(services: Services): ProfileCache {
  let cache = profileCaches.get(services.search);
  if (!cache) profileCaches.set(services.search, (cache = new ProfileCache()));
  return cache;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);

/** The fields the analysers read, trimmed as the form's rules trim them (the limits count trimmed text). */
function analysedDraft(listType: ListType, data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(DRAFT_FIELD_RULES[listType].shape)) if (data[key] !== undefined) out[key] = trimmed(data[key]);
  if (Array.isArray(out.referenceCases)) {
    out.referenceCases = (out.referenceCases as Array<Record<string, unknown>>).map((c) => ({ title: trimmed(c.title), summary: trimmed(c.summary) }));
  }
  return out;
}

function draftListing(data: Record<string, unknown>): Listing {
  return { title: str(data.title), text: [str(data.description), str(data.expectedOutcome)].filter(Boolean).join('\n') };
}

export async function checkQuality({ services, actor, input }: { services: Services; actor: Actor; input: z.infer<typeof qualityCheckBody> }) {
  // The check serves the submission form, which an organisation may use only once approved.
  if (actor.organizationStatus !== 'approved') throw new DomainError('ORGANIZATION_NOT_APPROVED', '机构尚未通过审核，暂不能填报', 403);
  const data = analysedDraft(input.listType, input.data);
  const hints = vaguenessHints(input.listType, data as never);
  const item = draftListing(data);
  if (item.title.length + item.text.length < 8) return { duplicates: [], hints };

  const { engine } = await services.search.current();
  const filter = (d: { id: string; fields: ListingFields | undefined }) =>
    !!d.fields && d.fields.listType === input.listType && COMPARABLE.has(d.fields.status) && d.id !== input.submissionId;
  // The candidates' texts are read once from the database; the detector re-scores them.
  const candidates = engine.search(candidateQuery(item), { limit: 50, filter, minBigramCoverage: 0.3 }).map((h) => h.id);
  const texts = await listingTexts(services.db, candidates);
  let budget = MAX_RESCORED_CHARS;
  const textOf = (id: string) => {
    const t = texts.get(id);
    if (!t || t.title.length + t.text.length > budget) return undefined;
    budget -= t.title.length + t.text.length;
    return t;
  };
  // All of them, so that hidden items never take a visible one's place in the list.
  const found = findNearDuplicates(engine, item, {
    textOf, filter, excludeIds: input.submissionId ? [input.submissionId] : [], limit: 50, profiles: profileCacheOf(services),
  });
  const viewer = viewerOf(actor);
  const visible = found.map((d) => ({ d, f: engine.fieldsOf(d.id)! })).filter(({ f }) => canSeeListing(viewer, f));
  const hiddenCopy = found.some((d) => d.similarity >= HIDDEN_REPORT_SIMILARITY && !canSeeListing(viewer, engine.fieldsOf(d.id)!));
  const shown = visible.slice(0, MAX_VISIBLE_DUPLICATES).map(({ d, f }) => ({
    id: d.id, visible: true as const, similarity: Math.round(d.similarity * 100) / 100,
    title: f.title, organizationName: f.organizationName,
    status: f.status, statusLabel: SUBMISSION_STATE_LABELS[f.status as SubmissionState] ?? f.status,
    batchTitle: f.batchTitle, sharedTerms: d.reasons.sharedTerms.slice(0, 8),
    mine: viewer.organizationId === f.organizationId,
  }));
  return { duplicates: hiddenCopy ? [...shown, { visible: false as const }] : shown, hints };
}

export async function duplicateClusters({ services, actor, listType }: { services: Services; actor: Actor; listType: ListType }) {
  if (!isOperator(actor)) throw forbidden('只有运营方可以查看重复项聚类');
  const { engine } = await services.search.current();
  const picked: Array<{ id: string; f: ListingFields }> = [];
  engine.forEach((d) => { if (d.fields && d.fields.listType === listType && COMPARABLE.has(d.fields.status)) picked.push({ id: d.id, f: d.fields }); });
  // The most recent first: at the cap, older items are the ones left out.
  picked.sort((a, b) => (b.f.submittedAt ?? 0) - (a.f.submittedAt ?? 0));
  const considered = picked.slice(0, MAX_CLUSTER_ITEMS);
  const texts = new Map<string, { title: string; text: string }>();
  for (let i = 0; i < considered.length; i += 1000) {
    for (const [id, t] of await listingTexts(services.db, considered.slice(i, i + 1000).map((x) => x.id))) texts.set(id, t);
  }
  const clusters = clusterNearDuplicates(considered.filter((x) => texts.has(x.id)).map((x) => ({
    id: x.id, organizationId: x.f.organizationId, ...texts.get(x.id)!,
  })), { segmenter: engine.segmenter });
  const byId = new Map(considered.map((x) => [x.id, x.f]));
  return {
    considered: considered.length, truncated: picked.length > considered.length,
    clusters: clusters.map((c) => ({
      id: c.representative,
      maxSimilarity: Math.max(...c.pairs.map((p) => p.similarity)),
      items: c.ids.map((id) => {
        const f = byId.get(id)!;
        return {
          id, title: f.title, organization: { id: f.organizationId, name: f.organizationName }, status: f.status,
          mergeable: MERGEABLE.has(f.status), regionName: f.regionCode ? regionFullName(f.regionCode) : null,
          submittedAt: f.submittedAt ? new Date(f.submittedAt).toISOString() : null,
        };
      }),
      pairs: c.pairs.map((p) => ({ a: p.a, b: p.b, similarity: Math.round(p.similarity * 100) / 100, sharedTerms: p.sharedTerms.slice(0, 8) })),
    })).sort((a, b) => b.maxSimilarity - a.maxSimilarity),
  };
}

export const mergeBody = z.object({
  keepId: z.uuid(),
  mergeIds: z.array(z.uuid()).min(1, '请选择要合并的条目').max(20, '一次最多合并20条'),
  reason: z.string().trim().min(2, '请写明合并原因').max(1000),
});

/**
 * Folds near-duplicates into the one kept: each merged item moves to `merged` through the
 * submission machine, pointing at the kept one; all in one transaction, audited, and the
 * owners of every item involved are told.
 */
export async function mergeDuplicates({ services, actor, input }: { services: Services; actor: Actor; input: z.infer<typeof mergeBody> }) {
  if (!isOperator(actor)) throw forbidden('只有运营方可以合并重复项');
  if (input.mergeIds.includes(input.keepId)) throw new DomainError('INVALID_MERGE', '保留的条目不能同时被合并', 400);
  const ids = [input.keepId, ...new Set(input.mergeIds)];
  return services.db.transaction(async (tx) => {
    const rows = await lockSubmissionsWithOwners(tx, ids);
    const byId = new Map(rows.map((r) => [r.submission.id, r]));
    const keep = byId.get(input.keepId);
    if (!keep || keep.submission.status === 'draft') throw notFound('保留的条目');
    if (!COMPARABLE.has(keep.submission.status)) throw new DomainError('INVALID_MERGE', '保留的条目已撤回、驳回或合并，不能作为合并目标', 409);
    const events = [];
    const merged: string[] = [];
    for (const id of ids.slice(1)) {
      const r = byId.get(id);
      if (!r || r.submission.status === 'draft') throw notFound('要合并的条目');
      if (r.submission.listType !== keep.submission.listType) throw new DomainError('INVALID_MERGE', '只能合并同一类清单的条目', 400);
      const t = decide(submissionMachine, { from: r.submission.status as SubmissionState, action: 'merge', actors: ['operator'], reason: input.reason });
      events.push(auditEvent(actor, {
        action: 'submission.merge', entityType: 'submission', entityId: id, fromState: r.submission.status, toState: t.to,
        reason: input.reason, data: { mergedIntoId: input.keepId },
      }));
      merged.push(id);
    }
    await markMerged(tx, merged, input.keepId, input.reason);
    events.push(auditEvent(actor, {
      action: 'submission.merged_in', entityType: 'submission', entityId: input.keepId, reason: input.reason, data: { mergedIds: merged },
    }));
    await appendAuditEvents(tx, events);

    const orgs = [...new Set(ids.map((id) => byId.get(id)!.submission.organizationId))];
    const recipients = await usersOfOrganizations(tx, orgs);
    const keptTitle = keep.submission.title;
    await notifyUsers(tx, recipients.map((u) => {
      const own = ids.filter((id) => byId.get(id)!.submission.organizationId === u.organizationId);
      const keptOwn = own.includes(input.keepId);
      return {
        userId: u.id, kind: 'submission.merged',
        title: keptOwn ? `您的「${keptTitle}」已合并了${merged.length}条相似条目` : `您的条目已并入「${keptTitle}」`,
        body: `运营方认定以下条目为重复项并予以合并。原因：${input.reason}\n${own.map((id) => `· ${byId.get(id)!.submission.title}`).join('\n')}`,
        link: `/submissions/${keptOwn ? input.keepId : own[0]}`, data: { keepId: input.keepId, mergedIds: merged },
        dedupeKey: `merge:${input.keepId}:${merged.join(',')}:${u.id}`, email: true,
      };
    }));
    return { keptId: input.keepId, merged };
  });
}
