import type { Actor, Services } from '../context.js';
import { findVisibleOrganization } from './visible.js';

export const getOrganization = ({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) =>
  findVisibleOrganization(services.db, actor, id);
