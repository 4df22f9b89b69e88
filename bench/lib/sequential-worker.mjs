// One client for bench/lib/listings.ts `sequentialGets`: GETs one after another from its own
// thread, so the client's work (fetching, reading the body, its garbage) does not run on the
// server's event loop, as with a real browser. Plain JavaScript: worker entry points are not
// run through tsx.
import { parentPort, workerData } from 'node:worker_threads';

const { origin, paths, cookie } = workerData;
const times = new Float64Array(paths.length);
let error = null;
for (let i = 0; i < paths.length; i++) {
  const t = performance.now();
  const res = await fetch(`${origin}${paths[i]}`, { headers: cookie ? { cookie } : {}, signal: AbortSignal.timeout(30_000) });
  await res.arrayBuffer();
  times[i] = performance.now() - t;
  if (res.status !== 200) {
    error = `GET ${paths[i]} → ${res.status}`;
    break;
  }
}
parentPort.postMessage({ times, error });
