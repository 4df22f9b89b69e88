/**
 * Runs inside the parse worker: reads each workbook it is sent and answers with one message,
 * the ParseResult or the error as plain data (classes do not survive the copy).
 */
import { parentPort } from 'node:worker_threads';
import { DomainError } from '@scenebridge/domain';
import type { ListType } from './columns.js';
import { readRawWorkbook, readWorkbook } from './parse.js';
import type { ParseTask, WorkerReply } from './parse-in-worker.js';

async function run(task: ParseTask): Promise<WorkerReply> {
  try {
    const { bytes } = task;
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const result =
      task.listType === 'raw' ? await readRawWorkbook(buffer, task.headers ?? []) : await readWorkbook(buffer, task.listType as ListType);
    return { ok: true, result };
  } catch (e) {
    if (e instanceof DomainError)
      return { ok: false, error: { name: e.name, code: e.code, message: e.message, status: e.status, details: e.details } };
    // Not a verdict on the file: a bug, which stays a 500 as it was before parsing moved here.
    return { ok: false, unexpected: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

// One parse at a time: the main thread sends the next only after this answer (parse-in-worker.ts).
parentPort!.on('message', (task: ParseTask) => {
  void run(task).then((reply) => parentPort!.postMessage(reply));
});
