/**
 * Quality at the door: near-duplicates of a draft among listings already submitted or published
 * (any organisation, any batch) and hints about vague entries.
 */
import { listingTexts } from '@scenebridge/db';
import {
  capabilityFields,
  LIST_TYPES,
  scenarioNeedFields,
  SUBMISSION_STATE_LABELS,
  type ListType,
  type SubmissionState,
} from '@scenebridge/domain';
import { candidateQuery, findNearDuplicates, ProfileCache, vaguenessHints, type Listing } from '@scenebridge/search';
import { z } from 'zod';
import type { Actor, Services } from '../context.js';
import { listingPolicy, ownsListing, type ListingFields } from '../search/index.js';
import { authorizeQuality } from './policy.js';
import { COMPARABLE } from './rules.js';

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

export const qualityCheckBody = z
  .object({
    listType: z.enum(LIST_TYPES),
    data: z.record(z.string(), z.unknown()),
    /** The item being edited, left out of its own duplicates. */
    submissionId: z.uuid().optional(),
  })
  .superRefine((body, ctx) => {
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
    out.referenceCases = (out.referenceCases as Array<Record<string, unknown>>).map((c) => ({
      title: trimmed(c.title),
      summary: trimmed(c.summary),
    }));
  }
  return out;
}

function draftListing(data: Record<string, unknown>): Listing {
  return { title: str(data.title), text: [str(data.description), str(data.expectedOutcome)].filter(Boolean).join('\n') };
}

export async function checkQuality({
  services,
  actor,
  input,
}: {
  services: Services;
  actor: Actor;
  input: z.infer<typeof qualityCheckBody>;
}) {
  authorizeQuality(actor, 'checkDraft');
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
    textOf,
    filter,
    excludeIds: input.submissionId ? [input.submissionId] : [],
    limit: 50,
    profiles: profileCacheOf(services),
  });
  const visible = found.map((d) => ({ d, f: engine.fieldsOf(d.id)! })).filter(({ f }) => listingPolicy.allow(actor, 'view', f));
  const hiddenCopy = found.some(
    (d) => d.similarity >= HIDDEN_REPORT_SIMILARITY && !listingPolicy.allow(actor, 'view', engine.fieldsOf(d.id)!),
  );
  const shown = visible.slice(0, MAX_VISIBLE_DUPLICATES).map(({ d, f }) => ({
    id: d.id,
    visible: true as const,
    similarity: Math.round(d.similarity * 100) / 100,
    title: f.title,
    organizationName: f.organizationName,
    status: f.status,
    statusLabel: SUBMISSION_STATE_LABELS[f.status as SubmissionState] ?? f.status,
    batchTitle: f.batchTitle,
    sharedTerms: d.reasons.sharedTerms.slice(0, 8),
    mine: ownsListing(actor, f),
  }));
  return { duplicates: hiddenCopy ? [...shown, { visible: false as const }] : shown, hints };
}
