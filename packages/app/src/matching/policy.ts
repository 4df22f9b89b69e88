/**
 * Who may do what in matching. Whoever is signed in and may see a listing (search/policy.ts) may
 * see its matches. Operators and brokers curate them: pin, exclude, and see what was excluded.
 * An interest (意向) is expressed by a user of an approved organisation on one side of the pair;
 * the listing's own organisation, operators and brokers read every interest on it, others only
 * their own organisation's. Role rules are asked before any listing is read, so whoever lacks
 * the role is refused (403) whatever the ids.
 */
import { DomainError, forbidden } from '@scenebridge/domain';
import { isOperator, isOrgUser, type Actor } from '../context.js';
import { listingPolicy, ownsListing, seesEveryListing, type ListingResource } from '../search/index.js';
import { definePolicy, type Rule } from '../shared/index.js';

/** Matching as a whole, for the role rules: the resource carries nothing. */
export type Matching = null;
export const MATCHING: Matching = null;

const curator: Rule<Matching> = (a) => isOperator(a) || (!!a && a.roles.includes('broker'));
/** An organisation not yet approved may not act towards others (it cannot file anything either). */
const approvedOrganization: Rule<Matching> = (a) => a?.organizationStatus === 'approved';

export const matchingPolicy = definePolicy<Matching, 'curate' | 'expressInterest'>('匹配', {
  view: (a) => !!a,
  curate: curator,
  expressInterest: (a) => isOrgUser(a),
});

export type MatchingAction = 'curate' | 'expressInterest';

const REFUSALS: Record<MatchingAction, string> = {
  curate: '只有运营方和技术经纪人可以置顶或排除匹配结果',
  expressInterest: '只有机构用户可以表达意向',
};

/** `matchingPolicy`'s refusal, with the message the web shows (403 FORBIDDEN). */
export function authorizeMatching(actor: Actor | null, action: MatchingAction): void {
  if (!matchingPolicy.allow(actor, action, MATCHING)) throw forbidden(REFUSALS[action]);
}

/** Before the listings are read: a user of an organisation (403), an approved one (403 ORGANIZATION_NOT_APPROVED). */
export function authorizeExpressingInterest(actor: Actor): void {
  authorizeMatching(actor, 'expressInterest');
  if (!approvedOrganization(actor, MATCHING)) throw new DomainError('ORGANIZATION_NOT_APPROVED', '机构尚未通过审核', 403);
}

/** A need and a capability an interest is about. */
export interface InterestPair {
  need: ListingResource;
  capability: ListingResource;
}

export const interestPolicy = definePolicy<InterestPair, 'express'>('意向', {
  view: (a, p) => listingPolicy.allow(a, 'view', p.need) && listingPolicy.allow(a, 'view', p.capability),
  /** Only from one's own side: for one's own need or with one's own capability. */
  express: (a, p) => ownsListing(a, p.need) || ownsListing(a, p.capability),
});

/** The interests on one listing. */
export const listingInterestsPolicy = definePolicy<ListingResource, 'viewAll'>('条目', {
  view: (a, l) => listingPolicy.allow(a, 'view', l),
  viewAll: (a, l) => seesEveryListing(a) || ownsListing(a, l),
});
