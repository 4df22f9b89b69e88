/**
 * Runs exceljs off the event loop: each parse gets its own worker thread with V8 resource
 * limits and a time limit, so a file that still costs too much after the zip and sheet guards
 * kills only its worker (and PGlite, which shares the process, keeps running). A worker that
 * fails or runs out of time is discarded; one that answered is kept for the next parse for a
 * while (loading costs ~0.5 s), so there are at most `concurrency` workers. See docs/adr/0007.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DomainError } from '@scenebridge/domain';

export interface ParseWorkerLimits {
  /** Parses running at once, each in its own worker. */
  concurrency: number;
  /** Parses waiting for a slot; one more is refused with IMPORT_BUSY. */
  maxQueue: number;
  /** From the worker's start; then it is terminated. */
  timeoutMs: number;
  maxOldGenerationSizeMb: number;
  maxYoungGenerationSizeMb: number;
  stackSizeMb: number;
  /** A worker stays loaded this long after a parse: loading tsx, exceljs and the schemas takes ~0.5 s. */
  idleMs: number;
}

/**
 * One parse keeps a core busy for seconds: leave at least one core to the event loop (and the
 * database in it), and at most two parses' memory (≤ ~600 MB each) at a time. A waiting upload
 * holds its file (≤ the upload limit) in memory, and at ~3 s per 20,000-row file four waiting
 * parses are done within seconds, so the queue stays short.
 */
export const DEFAULT_PARSE_WORKER_LIMITS: Readonly<ParseWorkerLimits> = {
  concurrency: Math.max(1, Math.min(2, availableParallelism() - 1)),
  maxQueue: 4,
  timeoutMs: 60_000,
  // A 20,000-row template file peaks near 250 MB of heap in exceljs.
  maxOldGenerationSizeMb: 512,
  maxYoungGenerationSizeMb: 64,
  stackSizeMb: 4,
  idleMs: 30_000,
};

let limits: ParseWorkerLimits = { ...DEFAULT_PARSE_WORKER_LIMITS };

/** Changes the limits (tests lower them); returns a function that restores the previous ones. */
export function configureParseWorkers(patch: Partial<ParseWorkerLimits>): () => void {
  const previous = limits;
  limits = { ...limits, ...patch };
  return () => {
    limits = previous;
  };
}

/** One message to the worker (structured clone; the bytes are transferred). */
export interface ParseTask {
  bytes: Uint8Array;
  listType: string;
  /** listType 'raw' (parseRawWorkbook): the header names to look for; the rows come back unvalidated. */
  headers?: readonly string[];
}

export interface SerializedDomainError {
  name: string;
  code: string;
  message: string;
  status: number;
  details?: unknown;
}

export type WorkerReply<R = unknown> =
  { ok: true; result: R } | { ok: false; error: SerializedDomainError } | { ok: false; unexpected: string };

const busy = () => new DomainError('IMPORT_BUSY', '导入任务繁忙，请稍后再试', 503);

/**
 * At most `concurrency` tasks at once and `maxQueue` waiting, in arrival order. Admission is
 * decided when `run` is called, before it awaits anything.
 */
export class ParseQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly bounds: () => Pick<ParseWorkerLimits, 'concurrency' | 'maxQueue'>) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    const { concurrency, maxQueue } = this.bounds();
    if (this.running < concurrency) this.running++;
    else if (this.waiting.length < maxQueue) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else throw busy();
    try {
      return await task();
    } finally {
      // The slot passes straight to the next waiting task, so `running` never dips in between.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/** The queue every import parse goes through (tests hold its slots to fill it). */
export const parseQueue = new ParseQueue(() => limits);

const tooComplex = (reason: string) =>
  new DomainError('FILE_TOO_COMPLEX', '表格内容过多，解析所需内存超出限制，请删除多余的行列或拆分文件后重新上传', 413, { reason });

const tooSlow = (seconds: number) =>
  new DomainError('IMPORT_TIMEOUT', `文件解析超过${seconds}秒未完成，请删除多余的行列或拆分文件后重新上传`, 413, { seconds });

/** The worker died without answering: nothing tells the file from a fault of ours, so say both. */
const crashed = (reason: string) =>
  new DomainError(
    'INVALID_WORKBOOK',
    '无法读取该Excel文件（解析过程异常终止），请用Office或WPS重新保存后上传；如仍失败请联系平台运营方',
    400,
    { reason },
  );

const WORKER_URL = new URL('./parse-worker.mjs', import.meta.url);

interface PooledWorker {
  worker: Worker;
  /** The limits it was started with; after a change of limits it is not reused. */
  limits: ParseWorkerLimits;
  /** The parse it is running; undefined while idle. */
  current?: { done(reply: WorkerReply): void; fail(e: DomainError): void };
  dead: boolean;
  idleTimer?: NodeJS.Timeout;
}

const idle: PooledWorker[] = [];

function failureOf(e: Error & { code?: string }): DomainError {
  if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') return tooComplex('memory');
  // A fault of ours (e.g. the worker could not load its modules): the operator needs the cause.
  process.emitWarning(`XLSX parse worker failed: ${e.stack ?? e.message}`, 'ParseWorkerWarning');
  return crashed('worker_error');
}

function spawn(): PooledWorker {
  const { maxOldGenerationSizeMb, maxYoungGenerationSizeMb, stackSizeMb } = limits;
  const worker = new Worker(WORKER_URL, {
    // The entry registers tsx itself; inheriting `--import tsx` from some parents would load it twice.
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb, maxYoungGenerationSizeMb, stackSizeMb },
  });
  const pooled: PooledWorker = { worker, limits, dead: false };
  // Listeners for the worker's whole life: an 'error' without a listener would throw in this thread.
  worker.on('message', (reply: WorkerReply) => pooled.current?.done(reply));
  worker.on('error', (e: Error & { code?: string }) => {
    pooled.dead = true;
    pooled.current?.fail(failureOf(e));
  });
  worker.on('exit', (code) => {
    pooled.dead = true;
    const i = idle.indexOf(pooled);
    if (i >= 0) idle.splice(i, 1);
    pooled.current?.fail(crashed(`exit_${code}`));
  });
  return pooled;
}

function take(): PooledWorker {
  for (let w = idle.pop(); w; w = idle.pop()) {
    clearTimeout(w.idleTimer);
    if (!w.dead && w.limits === limits) return w;
    void w.worker.terminate();
  }
  return spawn();
}

/**
 * Out of the pool before it is terminated: `terminate()` ends the thread only later, and a parse
 * handed the worker in between would be lost with it (seen in CI as INVALID_WORKBOOK exit_1).
 */
function retire(w: PooledWorker) {
  w.dead = true;
  const i = idle.indexOf(w);
  if (i >= 0) idle.splice(i, 1);
  void w.worker.terminate();
}

/** Idle workers neither keep the process alive (CLI, tests) nor stay loaded for long. */
function park(w: PooledWorker) {
  w.worker.unref();
  w.idleTimer = setTimeout(() => retire(w), limits.idleMs).unref();
  idle.push(w);
}

function runWorker<R>(bytes: Uint8Array, listType: string, headers?: readonly string[]): Promise<WorkerReply<R>> {
  const { timeoutMs } = limits;
  const w = take();
  w.worker.ref();
  return new Promise((resolve, reject) => {
    const finish = (fn: () => void) => {
      clearTimeout(timer);
      w.current = undefined;
      fn();
    };
    const timer = setTimeout(() => {
      w.dead = true;
      finish(() => reject(tooSlow(Math.ceil(timeoutMs / 1000))));
      void w.worker.terminate();
    }, timeoutMs);
    w.current = {
      done: (reply) =>
        finish(() => {
          park(w);
          resolve(reply as WorkerReply<R>);
        }),
      fail: (e) => finish(() => reject(e)),
    };
    // Our own copy, moved to the worker: the caller keeps its buffer (it may be a slice of a larger one).
    const own = new Uint8Array(bytes);
    const task: ParseTask = { bytes: own, listType, ...(headers ? { headers } : {}) };
    w.worker.postMessage(task, [own.buffer]);
  });
}

/**
 * Parses in a worker under the queue and limits above. Resolves with the worker's reply; a
 * worker that runs out of memory or time, or dies, rejects with a DomainError (413/400).
 */
export function parseInWorker<R>(bytes: Uint8Array, listType: string, headers?: readonly string[]): Promise<WorkerReply<R>> {
  return parseQueue.run(() => runWorker<R>(bytes, listType, headers));
}
