import type { NewSubmission } from '@scenebridge/db';
import { DomainError } from '@scenebridge/domain';
import type { z } from 'zod';

/** Transitions people take through the API; the rest belong to the system or to batch publication. */
export const USER_ACTIONS: string[] = [
  'submit',
  'resubmit',
  'withdraw',
  'discard',
  'return_for_revision',
  'select',
  'reject',
  'award',
  'start_delivery',
  'accept',
];

export function validationError(error: z.ZodError): DomainError {
  return new DomainError(
    'VALIDATION_FAILED',
    error.issues[0]?.message ?? '填写内容有误',
    400,
    error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  );
}

/** Fields copied out of `data` into columns, for filters and (later) facets. */
export function denormalise(data: Record<string, unknown>): Partial<NewSubmission> {
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const sectors = Array.isArray(data.sectors) ? (data.sectors as string[]) : [];
  return {
    title: String(data.title ?? ''),
    sector: typeof data.sector === 'string' ? data.sector : (sectors[0] ?? null),
    techFields: Array.isArray(data.techFields) ? (data.techFields as string[]) : [],
    regionCode: typeof data.regionCode === 'string' ? data.regionCode : null,
    budgetMin: num(data.budgetMin),
    budgetMax: num(data.budgetMax),
    maturityTrl: num(data.maturityTrl),
  };
}
