import type { Actor } from '../../context.js';
import { authorizeHandling } from '../policy.js';
import { buildContractImportTemplate } from './template.js';

/** The historical import's template, for registrars and operators. */
export async function contractImportTemplate({ actor }: { actor: Actor | null }): Promise<Buffer> {
  authorizeHandling(actor);
  return buildContractImportTemplate();
}
