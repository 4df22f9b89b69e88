/** Bulk import of submissions from the XLSX template: the report of a dry run or a commit. */
import { LIST_TYPES } from '@scenebridge/domain';
import { z } from 'zod';

export const importRowError = z.object({
  /** 1-based Excel row number. */
  row: z.number().int(),
  /** The Chinese header of the column; '' when the error concerns the whole row or file. */
  column: z.string(),
  /** A stable English code (IMPORT_ERROR_CODES, or e.g. UNKNOWN_ORGANIZATION). */
  code: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowError>;

export const importReport = z.object({
  mode: z.enum(['dry_run', 'commit']),
  listType: z.enum(LIST_TYPES),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  /** Valid rows already imported before (same fingerprint): never imported twice. */
  duplicates: z.number().int(),
  created: z.number().int(),
  committed: z.boolean(),
  errors: z.array(importRowError),
});
export type ImportReport = z.infer<typeof importReport>;
