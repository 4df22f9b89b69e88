/**
 * Rendered public pages, kept briefly. Public pages are the same for every visitor and are
 * already served with `max-age=60`, so a copy up to PAGE_TTL_MS old says nothing we have not
 * promised shared caches. A publication or correction in this process empties the cache at
 * once; one in another process is seen within the TTL.
 */
const PAGE_TTL_MS = 10_000;
const MAX_PAGES = 2_000;

let generation = 0;
const pages = new Map<string, { at: number; generation: number; body: string }>();

/** Called after a batch, a correction or a benchmark case commits. */
export function publicationChanged(): void {
  generation++;
  pages.clear();
}

export async function cachedPage(key: string, now: number, render: () => Promise<string>): Promise<string> {
  const hit = pages.get(key);
  if (hit && hit.generation === generation && now - hit.at < PAGE_TTL_MS) return hit.body;
  const started = generation;
  const body = await render();
  if (started === generation) {
    if (pages.size >= MAX_PAGES) pages.delete(pages.keys().next().value!);
    pages.set(key, { at: now, generation: started, body });
  }
  return body;
}
