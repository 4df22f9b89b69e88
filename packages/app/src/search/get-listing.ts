import { listingDetailById } from '@scenebridge/db';
import { isPublishedState, regionFullName } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { toFields } from './listing-index.js';
import { visibleOrNotFound } from './load-visible-listing.js';
import { listingPolicy, ownsListing } from './policy.js';

/**
 * Listing as others see it: published items to everyone, others to their owner, operators and
 * brokers, and to the other party of an interest (意向) that names it, so both sides of a
 * conversation can read what it is about (search/policy.ts).
 */
export async function getListing({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  const row = await visibleOrNotFound(services, actor, id, await listingDetailById(services.db, id));
  const data = row.data;
  const contact = data.contact as { name?: string; phone?: string; email?: string; public?: boolean } | undefined;
  const showContact = !!contact && (contact.public === true || listingPolicy.allow(actor, 'viewContact', row));
  const f = toFields(row);
  return {
    id: row.id,
    listType: row.listType,
    status: row.status,
    title: row.title,
    published: isPublishedState(row.status),
    organization: { id: row.organizationId, name: row.organizationName },
    description: row.description,
    expectedOutcome: typeof data.expectedOutcome === 'string' ? data.expectedOutcome : null,
    referenceCases: Array.isArray(data.referenceCases) ? data.referenceCases : [],
    dataOpenness: data.dataOpenness ?? null,
    siteOpenness: data.siteOpenness ?? null,
    sector: f.sector,
    sectors: f.sectors,
    techFields: f.techFields,
    regionCode: f.regionCode,
    regionName: f.regionCode ? regionFullName(f.regionCode) : null,
    budgetMin: f.budgetMin,
    budgetMax: f.budgetMax,
    maturityTrl: f.maturityTrl,
    batch: row.batchId ? { id: row.batchId, title: row.batchTitle } : null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    contact: showContact ? { name: contact!.name ?? null, phone: contact!.phone ?? null, email: contact!.email ?? null } : null,
    contactHidden: !!contact && !showContact,
    mine: ownsListing(actor, row),
    mergedIntoId: row.mergedIntoId,
  };
}
