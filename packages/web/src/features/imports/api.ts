/** Spreadsheet import: the part of /api/v1 this feature calls. */
import { buildUrl, upload } from '../../shared/http';
import type { ImportResult, ListType } from '../../shared/types';

export const importsApi = {
  importTemplateUrl: (listType: ListType) => buildUrl('/imports/template', { listType }),
  importFile: (callId: string, mode: 'dry_run' | 'commit', skipInvalid: boolean, file: File) =>
    upload<ImportResult>('/imports', file, { callId, mode, skipInvalid }),
};
