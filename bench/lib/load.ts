/**
 * HTTP load over loopback with autocannon, run in a worker thread so the load generator
 * and the server (this thread) do not share one event loop. Every response time is
 * recorded, so p95 is exact rather than read off autocannon's fixed percentiles.
 */
import { Worker } from 'node:worker_threads';
import { percentile } from './stats.js';

export interface LoadRequest {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  /** Origin, e.g. http://127.0.0.1:41234 */
  url: string;
  connections: number;
  durationS: number;
  requests: LoadRequest[];
  /** Per-request timeout, seconds (a timeout counts as an error). */
  timeoutS?: number;
  /** Start each connection at a different place in `requests` (default true). */
  rotate?: boolean;
}

export interface LoadResult {
  requests: number;
  durationS: number;
  requests_per_s: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  /** non-2xx responses + socket errors + timeouts */
  errors: number;
  non2xx: number;
  socketErrors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

interface WorkerReply {
  latencies: Float64Array;
  durationS: number;
  completed: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const timeoutS = opts.timeoutS ?? 10;
  const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
    workerData: {
      url: opts.url,
      connections: opts.connections,
      durationS: opts.durationS,
      timeoutS,
      requests: opts.requests.map((r) => ({
        method: r.method ?? 'GET',
        path: r.path,
        headers: r.headers ?? {},
        ...(r.body ? { body: r.body } : {}),
      })),
      rotate: opts.rotate ?? true,
    },
    // The worker is plain JS; do not load tsx's hooks into it.
    execArgv: [],
  });
  // Backstop: the run ends by itself after durationS; a stuck worker is terminated.
  const limitMs = (opts.durationS + timeoutS + 30) * 1000;
  try {
    const reply = await replyOf<WorkerReply>(worker, limitMs);
    const l = reply.latencies;
    const socketErrors = reply.errors - reply.timeouts;
    const statusCodes: Record<string, number> = {};
    for (const [code, s] of Object.entries(reply.statusCodeStats ?? {})) statusCodes[code] = Number(s.count);
    return {
      requests: reply.completed,
      durationS: reply.durationS,
      requests_per_s: reply.completed / reply.durationS,
      p50_ms: percentile(l, 50),
      p95_ms: percentile(l, 95),
      p99_ms: percentile(l, 99),
      max_ms: l.length ? percentile(l, 100) : Number.NaN,
      errors: reply.non2xx + reply.errors,
      non2xx: reply.non2xx,
      socketErrors,
      timeouts: reply.timeouts,
      statusCodes,
    };
  } finally {
    await worker.terminate();
  }
}

/** The first message of a worker thread; an error, an early exit or `limitMs` passing rejects. */
export async function replyOf<T>(worker: Worker, limitMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<T>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`worker thread did not report within ${limitMs / 1000} s`)), limitMs);
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`worker thread exited with code ${code} before reporting`)));
    });
  } finally {
    if (timer) clearTimeout(timer);
  }
}
