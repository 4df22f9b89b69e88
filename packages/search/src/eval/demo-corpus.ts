/**
 * The demo listings as the app indexes them (title; description, then the expected outcome or
 * the reference cases), for measuring search on the data users see in their first hour. The
 * evaluation only reads them: nothing in the search package is built from them.
 */
import * as demo from '@scenebridge/demo';
import type { CorpusDoc } from './run.js';

/** The scale and seed `npm start` seeds with (app/src/seed/seed.ts). */
export const DEMO_SCALE = { seed: 2026, organizations: 30, needs: 200, capabilities: 100 } as const;

export function demoCorpus(scale = DEMO_SCALE): CorpusDoc[] {
  const ds = demo.generateDemoDataset({ ...scale, now: new Date(Date.UTC(2026, 0, 1)) });
  return [
    ...ds.needs.map((n, i) => ({ id: `need-${i}`, title: n.title, text: `${n.description}\n${n.expectedOutcome}` })),
    ...ds.capabilities.map((c, i) => ({
      id: `capability-${i}`,
      title: c.title,
      text: `${c.description}\n${c.referenceCases.map((r) => `${r.title} ${r.summary}`).join('\n')}`,
    })),
  ];
}
