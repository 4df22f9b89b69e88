/**
 * The demo generator's randomness: the domain's seeded `Rng` plus template filling. Everything
 * in this package draws from it, never from Math.random, so the same seed always yields the
 * same data set.
 */
import { Rng as SeededRng } from '@scenebridge/domain';

export { hashSeed, mulberry32, type Seed } from '@scenebridge/domain';

export class Rng extends SeededRng {
  /**
   * Fills a template: `{a|b|c}` picks one alternative, `{3-12}` an integer in the range,
   * and named slots (`{obj}`) come from `vars`. Slots do not nest.
   */
  fill(template: string, vars: Readonly<Record<string, string>> = {}): string {
    return template.replace(/\{([^{}]+)\}/g, (_m, body: string) => {
      const named = vars[body];
      if (named !== undefined) return named;
      const range = /^(\d+)-(\d+)$/.exec(body);
      if (range) return String(this.int(Number(range[1]), Number(range[2])));
      return this.pick(body.split('|'));
    });
  }
}
