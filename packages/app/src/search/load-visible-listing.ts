import { hasInterestLink, listingsByIds, type ListingRow } from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { isIndexable } from './listing-index.js';
import { listingPolicy } from './policy.js';

/**
 * A listing as the caller may see it (the listing policy's view rule), else 404: drafts are no
 * listings. Whether the caller's organisation is a party to an interest naming it is read only
 * when that is what would decide.
 */
export async function loadVisibleListing(services: Services, actor: Actor | null, id: string) {
  const [row] = await listingsByIds(services.db, [id]);
  return { row: await visibleOrNotFound(services, actor, id, row) };
}

/** Shared with get-listing.ts, which reads the detail row instead (not in the index). */
export async function visibleOrNotFound<R extends ListingRow>(
  services: Services,
  actor: Actor | null,
  id: string,
  row: R | undefined,
): Promise<R> {
  if (!row || !isIndexable(row)) throw notFound(listingPolicy.label);
  if (listingPolicy.allow(actor, 'view', row)) return row;
  const party = actor?.organizationId ?? null;
  const linked =
    party !== null &&
    listingPolicy.allow(actor, 'view', { ...row, interestPartyId: party }) &&
    (await hasInterestLink(services.db, id, party));
  listingPolicy.authorize(actor, 'view', {
    status: row.status,
    organizationId: row.organizationId,
    interestPartyId: linked ? party : null,
  });
  return row;
}
