/** The real policy notices kept in ./texts (see its README): for the demo seed and for tests. */
import { readFileSync } from 'node:fs';

export const POLICY_SEED_IDS = ['000', '001', '003'] as const;
export type PolicySeedId = (typeof POLICY_SEED_IDS)[number];

export function policySeedText(id: PolicySeedId): string {
  return readFileSync(new URL(`./texts/${id}.txt`, import.meta.url), 'utf8');
}
