import { interestsOn } from '@scenebridge/db';
import type { Actor, Services } from '../context.js';
import { loadVisibleListing } from '../search/index.js';
import { listingInterestsPolicy } from './policy.js';
import { presentInterest } from './present.js';

/** Interests on a listing: all of them for its owner organisation, operators and brokers. */
export async function listInterests({ services, actor, id }: { services: Services; actor: Actor; id: string }) {
  const { row } = await loadVisibleListing(services, actor, id);
  if (!listingInterestsPolicy.allow(actor, 'viewAll', row)) {
    // Others learn only about interests their own organisation expressed.
    const mine = (await interestsOn(services.db, id)).filter((r) => r.interest.fromOrganizationId === actor.organizationId);
    return { items: mine.map(presentInterest) };
  }
  return { items: (await interestsOn(services.db, id)).map(presentInterest) };
}
