/**
 * Who may see a listing (a submitted need or capability, as search and /listings show it), and
 * what of it. Its view rule is the one thing search filters by: the doc table asks it, per status,
 * for the viewer's own listings and for others' (doc-table.ts), and the detail page, matching and
 * the quality check ask it per listing, so a result list and a detail page cannot disagree.
 *
 * The owner rule is the submission's (submissions/policy.ts `ownsSubmission`): a listing is a
 * submission that has been submitted. Unlike the submission record, a listing is also shown to
 * everyone once published and to brokers while in the pipeline.
 */
import { isPublishedState } from '@scenebridge/domain';
import { isOperator, type Actor } from '../context.js';
import { definePolicy, type Rule } from '../shared/index.js';
import { ownsSubmission } from '../submissions/index.js';

/** What the rules read of a listing. */
export interface ListingResource {
  status: string;
  organizationId: string;
  /**
   * The caller's organisation, when it expressed or received an interest (意向) naming this
   * listing: the detail loader reads it from the database (load-visible-listing.ts). Search never
   * has it, so a listing seen only through an interest is readable but never found.
   */
  interestPartyId?: string | null;
}

/** Operators and brokers see every submitted listing (they curate and match across organisations). */
export const seesEveryListing = (a: Actor | null): boolean => isOperator(a) || (!!a && a.roles.includes('broker'));
/** A user of the listing's own organisation. */
export const ownsListing: Rule<ListingResource> = (a, l) => ownsSubmission(a, l);
/** A user of an organisation on either side of an interest naming the listing. */
const interestParty: Rule<ListingResource> = (a, l) => !!l.interestPartyId && ownsSubmission(a, { organizationId: l.interestPartyId });

export const listingPolicy = definePolicy<ListingResource, 'viewContact'>('条目', {
  view: (a, l) => seesEveryListing(a) || ownsListing(a, l) || isPublishedState(l.status) || interestParty(a, l),
  /** A contact marked private is shown to the listing's own organisation, operators and brokers. */
  viewContact: (a, l) => seesEveryListing(a) || ownsListing(a, l),
});

/**
 * Who is asking, as the index-level code (runSearch, rankMatches) takes it. An actor's viewer
 * (`viewerOf`) carries the listing policy's view rule; the doc table asks that rule per status
 * for listings of `organizationId` and for others' — the rule reads a listing's owner only as
 * the caller's organisation or another one (policy.test.ts). The system's own reads (the
 * subscription scan, benchmarks) pass `{ seesAll: true, organizationId: null }` and see every
 * listing without asking; a viewer with neither sees nothing.
 */
export interface Viewer {
  seesAll: boolean;
  organizationId: string | null;
  sees?: (listing: ListingResource) => boolean;
}

export function viewerOf(actor: Actor | null): Viewer {
  return {
    seesAll: false,
    organizationId: actor?.organizationId ?? null,
    sees: (l) => listingPolicy.allow(actor, 'view', l),
  };
}

/** The view rule through a viewer, for one listing. */
export function viewerSees(viewer: Viewer, l: ListingResource): boolean {
  return viewer.seesAll || (viewer.sees?.(l) ?? false);
}
