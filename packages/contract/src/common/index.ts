/**
 * The API contract shared by the server and the web app: per feature, the zod schemas of what
 * each route answers (Fastify serialises with them and the OpenAPI document shows them), and
 * their inferred types, which the web imports instead of writing its own. Browser-safe: zod
 * and the pure domain only (lint holds this).
 *
 * Import a feature's part by its folder: `@scenebridge/contract/calls`.
 */
import { z } from 'zod';
import { ERROR_MEANINGS, type ErrorCode } from '@scenebridge/domain/error-codes';

export { ERROR_CODES, ERROR_MEANINGS, type ErrorCode } from '@scenebridge/domain/error-codes';

const errorCodes = Object.keys(ERROR_MEANINGS) as [ErrorCode, ...ErrorCode[]];

/** Every error answer: a stable English code (one of ERROR_CODES) and a Chinese message for people. */
export const errorBody = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

/** A page of a list: `?page=1&pageSize=20` (max 100). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

/** An ISO-8601 timestamp with offset, as every time in the API is sent. */
export const isoDateTime = z.string();

/** No content (204). */
export const noContent = z.null().describe('No content');
