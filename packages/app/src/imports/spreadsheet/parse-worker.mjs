// Entry of the XLSX parse worker (see parse-in-worker.ts). Plain JavaScript so that Node can start
// it whatever loaded the parent — the tsx CLI, tsx's API in scripts/start.mjs, `node --import tsx`,
// vitest (whose transforms do not reach worker threads) — and it registers tsx for this thread.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
