import { listingTexts } from '@scenebridge/db';
import { regionFullName, type ListType } from '@scenebridge/domain';
import { clusterNearDuplicates } from '@scenebridge/search';
import type { Actor, Services } from '../context.js';
import type { ListingFields } from '../search/index.js';
import { authorizeQuality } from './policy.js';
import { COMPARABLE, MERGEABLE } from './rules.js';

const MAX_CLUSTER_ITEMS = 5000;

/** For operators: clusters of near-duplicates across organisations, the most similar first. */
export async function duplicateClusters({ services, actor, listType }: { services: Services; actor: Actor; listType: ListType }) {
  authorizeQuality(actor, 'viewClusters');
  const { engine } = await services.search.current();
  const picked: Array<{ id: string; f: ListingFields }> = [];
  engine.forEach((d) => {
    if (d.fields && d.fields.listType === listType && COMPARABLE.has(d.fields.status)) picked.push({ id: d.id, f: d.fields });
  });
  // The most recent first: at the cap, older items are the ones left out.
  picked.sort((a, b) => (b.f.submittedAt ?? 0) - (a.f.submittedAt ?? 0));
  const considered = picked.slice(0, MAX_CLUSTER_ITEMS);
  const texts = new Map<string, { title: string; text: string }>();
  for (let i = 0; i < considered.length; i += 1000) {
    for (const [id, t] of await listingTexts(
      services.db,
      considered.slice(i, i + 1000).map((x) => x.id),
    ))
      texts.set(id, t);
  }
  const clusters = clusterNearDuplicates(
    considered
      .filter((x) => texts.has(x.id))
      .map((x) => ({
        id: x.id,
        organizationId: x.f.organizationId,
        ...texts.get(x.id)!,
      })),
    { segmenter: engine.segmenter },
  );
  const byId = new Map(considered.map((x) => [x.id, x.f]));
  return {
    considered: considered.length,
    truncated: picked.length > considered.length,
    clusters: clusters
      .map((c) => ({
        id: c.representative,
        maxSimilarity: Math.max(...c.pairs.map((p) => p.similarity)),
        items: c.ids.map((id) => {
          const f = byId.get(id)!;
          return {
            id,
            title: f.title,
            organization: { id: f.organizationId, name: f.organizationName },
            status: f.status,
            mergeable: MERGEABLE.has(f.status),
            regionName: f.regionCode ? regionFullName(f.regionCode) : null,
            submittedAt: f.submittedAt ? new Date(f.submittedAt).toISOString() : null,
          };
        }),
        pairs: c.pairs.map((p) => ({
          a: p.a,
          b: p.b,
          similarity: Math.round(p.similarity * 100) / 100,
          sharedTerms: p.sharedTerms.slice(0, 8),
        })),
      }))
      .sort((a, b) => b.maxSimilarity - a.maxSimilarity),
  };
}
