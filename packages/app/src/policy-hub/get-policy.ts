import { findPolicy, listPolicyCalculators, listPolicyMeasures, listPolicyTerms } from '@scenebridge/db';
import { notFound } from '@scenebridge/domain';
import type { Actor, Services } from '../context.js';
import { policyAccess } from './access.js';
import { presentPolicyDetail } from './present.js';

/** A policy with its source, measures, terms and calculators: drafts only for operators (404 to others). */
export async function getPolicy({ services, actor, id }: { services: Services; actor: Actor | null; id: string }) {
  const p = await findPolicy(services.db, id);
  if (!p) throw notFound(policyAccess.label);
  policyAccess.authorize(actor, 'view', p);
  const [measures, terms, calculators] = [
    await listPolicyMeasures(services.db, id),
    await listPolicyTerms(services.db, id),
    await listPolicyCalculators(services.db, id),
  ];
  return presentPolicyDetail(actor, p, measures, terms, calculators);
}
