import { interestsOn } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { loadVisibleListing } from '../search/index.js';
import { listingInterestsPolicy } from './policy.js';
import { presentInterest } from './present.js';

/**
 * The listing (404 if the caller may not see it) and the interests on it the caller may read:
 * all of them for its owner organisation, operators and brokers; others only those their own
 * organisation expressed. Shared by the list and its export, so both have the same rows.
 */
export async function visibleInterests(services: Services, actor: Actor, id: string) {
  const { row } = await loadVisibleListing(services, actor, id);
  const all = await interestsOn(services.db, id);
  const interests = listingInterestsPolicy.allow(actor, 'viewAll', row)
    ? all
    : all.filter((r) => r.interest.fromOrganizationId === actor.organizationId);
  return { listing: row, interests };
}

/** Interests on a listing: all of them for its owner organisation, operators and brokers. */
export async function listInterests({ services, actor, id }: { services: Services; actor: Actor; id: string }) {
  const { interests } = await visibleInterests(services, actor, id);
  return { items: interests.map(presentInterest) };
}
