/** GET /policies/measures/search: published measures matching a query, the matched words marked. */
import { z } from 'zod';
import { pageOf } from '../common/index.js';
import { textPart } from '../search/index.js';

export const measureSearchHit = z.object({
  measure: z.object({ id: z.string(), path: z.string(), marker: z.string(), heading: z.string().nullable() }),
  policy: z.object({ id: z.string(), title: z.string() }),
  /** The measure's text around the matched words (and synonyms), as parts; `hit` parts are marked. */
  snippet: z.array(textPart),
  score: z.number(),
});
export type MeasureSearchHit = z.infer<typeof measureSearchHit>;
export const measureSearchResult = pageOf(measureSearchHit);
export type MeasureSearchResult = z.infer<typeof measureSearchResult>;
