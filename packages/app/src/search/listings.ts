import { hasInterestLink, listingDetailById, listingsByIds, type ListingRow } from '@scenebridge/db';
import { isPublishedState, notFound, regionFullName } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { isIndexable, toFields } from './listing-index.js';
import { canSeeListing } from './query.js';
import { viewerOf } from './search.js';

/**
 * Listing as others see it: published items to everyone, others to their owner, operators and
 * brokers, and to the other party of an interest (意向) that names it, so both sides of a
 * conversation can read what it is about.
 */
export async function loadVisibleListing(services: Services, actor: Actor | null, id: string) {
  const [row] = await listingsByIds(services.db, [id]);
  return visibleOrNotFound(services, actor, id, row);
}

async function visibleOrNotFound<R extends ListingRow>(services: Services, actor: Actor | null, id: string, row: R | undefined) {
  if (!row || !isIndexable(row)) throw notFound('条目');
  const viewer = viewerOf(actor);
  if (!canSeeListing(viewer, row) && !(viewer.organizationId && await hasInterestLink(services.db, id, viewer.organizationId))) {
    throw notFound('条目');
  }
  return { row, viewer };
}

export async function getListing({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  const { row, viewer } = await visibleOrNotFound(services, actor, id, await listingDetailById(services.db, id));
  const data = row.data;
  const contact = data.contact as { name?: string; phone?: string; email?: string; public?: boolean } | undefined;
  const privileged = viewer.seesAll || viewer.organizationId === row.organizationId;
  const showContact = !!contact && (contact.public === true || privileged);
  const f = toFields(row);
  return {
    id: row.id, listType: row.listType, status: row.status, title: row.title, published: isPublishedState(row.status),
    organization: { id: row.organizationId, name: row.organizationName },
    description: row.description,
    expectedOutcome: typeof data.expectedOutcome === 'string' ? data.expectedOutcome : null,
    referenceCases: Array.isArray(data.referenceCases) ? data.referenceCases : [],
    dataOpenness: data.dataOpenness ?? null, siteOpenness: data.siteOpenness ?? null,
    sector: f.sector, sectors: f.sectors, techFields: f.techFields, regionCode: f.regionCode,
    regionName: f.regionCode ? regionFullName(f.regionCode) : null,
    budgetMin: f.budgetMin, budgetMax: f.budgetMax, maturityTrl: f.maturityTrl,
    batch: row.batchId ? { id: row.batchId, title: row.batchTitle } : null,
    publishedAt: row.publishedAt?.toISOString() ?? null, submittedAt: row.submittedAt?.toISOString() ?? null,
    contact: showContact ? { name: contact!.name ?? null, phone: contact!.phone ?? null, email: contact!.email ?? null } : null,
    contactHidden: !!contact && !showContact,
    mine: viewer.organizationId === row.organizationId,
    mergedIntoId: row.mergedIntoId,
  };
}
