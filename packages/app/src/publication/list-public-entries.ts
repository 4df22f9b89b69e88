import { listPublicEntries, type PublicEntryQuery } from '@scenebridge/db';
import type { Services } from '../context.js';

export const publicEntries = ({ services, query }: { services: Services; query: PublicEntryQuery }) =>
  listPublicEntries(services.db, query);
