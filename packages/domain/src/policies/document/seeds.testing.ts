// The brief (issue 15) has these tests read the real seed notices; domain code stays free of I/O.
// eslint-disable-next-line no-restricted-imports -- test-only reader of /work/shared/seeds
import { readdirSync, readFileSync } from 'node:fs';

const SEEDS = '/work/shared/seeds/';

/** The text of the seed whose file name starts with `prefix` (e.g. '000_'). */
export function seedText(prefix: string): string {
  const name = readdirSync(SEEDS).find((n) => n.startsWith(prefix));
  if (name === undefined) throw new Error(`no seed ${prefix}`);
  return readFileSync(SEEDS + name, 'utf8');
}
