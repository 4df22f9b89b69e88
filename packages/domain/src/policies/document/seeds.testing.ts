// The brief (issue 15) has these tests read the real seed notices; domain code stays free of I/O.
// The texts are kept with the demo package (packages/demo/src/policies/texts), which domain may not import.
// eslint-disable-next-line no-restricted-imports -- test-only reader of the repository's seed texts
import { readFileSync } from 'node:fs';

const SEEDS = new URL('../../../../demo/src/policies/texts/', import.meta.url);

/** The text of the seed notice whose id starts `prefix` (e.g. '000_' or '000'). */
export function seedText(prefix: string): string {
  return readFileSync(new URL(`${prefix.slice(0, 3)}.txt`, SEEDS), 'utf8');
}
