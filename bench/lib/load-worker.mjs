// Load generator thread for bench/lib/load.ts: runs autocannon (programmatic API) so the
// client does not share the server's event loop, records every response time, and posts
// the samples back. Plain JavaScript: worker entry points are not run through tsx.
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

const { url, connections, durationS, timeoutS, requests, rotate } = workerData;

let latencies = new Float64Array(65536);
let n = 0;
let clientIndex = 0;

function setupClient(client) {
  // Each connection walks the same request list from a different starting point.
  if (!rotate || requests.length < 2) return;
  const offset = Math.floor((clientIndex++ * requests.length) / connections) % requests.length;
  client.setRequests([...requests.slice(offset), ...requests.slice(0, offset)]);
}

const instance = autocannon({
  url,
  connections,
  duration: durationS,
  timeout: timeoutS,
  requests,
  setupClient,
  pipelining: 1,
});
instance.on('response', (_client, _statusCode, _bytes, responseTime) => {
  if (n === latencies.length) {
    const bigger = new Float64Array(latencies.length * 2);
    bigger.set(latencies);
    latencies = bigger;
  }
  latencies[n++] = responseTime;
});
instance.on('done', (result) => {
  const samples = latencies.slice(0, n);
  parentPort.postMessage(
    {
      latencies: samples,
      durationS: result.duration,
      completed: n,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      statusCodeStats: result.statusCodeStats,
    },
    [samples.buffer],
  );
});
