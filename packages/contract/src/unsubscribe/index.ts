/** One-click unsubscribe (退订): the answers are Chinese HTML pages for people, not JSON. */
import { z } from 'zod';

/** 200 (unsubscribed, resubscribed, or already deleted) and 403 (a wrong or altered link). */
export const htmlPage = { description: '中文确认页（HTML）', content: { 'text/html': { schema: z.string() } } };
