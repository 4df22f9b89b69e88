import { forbidden, type ListType } from '@scenebridge/domain';
import type { Actor } from '../context.js';
import { requireActor } from '../shared/index.js';
import { mayImport } from './policy.js';
import { buildTemplate } from './spreadsheet/index.js';

/** The XLSX template, for whoever may import (the CLI builds it without an actor). */
export async function importTemplate({ actor, listType }: { actor: Actor | null; listType: ListType }): Promise<Buffer> {
  if (!mayImport(requireActor(actor))) throw forbidden();
  return buildTemplate(listType);
}
