/**
 * Files chosen in the fill-in form before the draft exists: the form holds them (checked for
 * size and type as they are chosen), and on the first save, once the draft has an id, sends them
 * one by one. A file that fails stays held with the reason, so nothing chosen is lost: it can be
 * sent again or removed; the draft is kept either way.
 */
import { errorMessage } from '../../shared/http';
import { attachmentProblem } from './upload-check';

/** What the server takes per submission (app/src/submissions/uploads.ts MAX_PER_SUBMISSION). */
export const MAX_ATTACHMENTS = 20;

export type HeldStatus = 'waiting' | 'uploading' | 'done' | 'failed';

export interface HeldFile {
  /** Stable key for the list (antd's uid of the chosen file). */
  uid: string;
  file: File;
  status: HeldStatus;
  /** Why the upload failed (status 'failed'). */
  error?: string;
}

/**
 * Adds the chosen files that may be sent; says why each other one may not. A file with the same
 * name and size as one already held is taken as chosen twice and skipped. `already` counts the
 * attachments the draft has, so the total stays within MAX_ATTACHMENTS.
 */
export function holdFiles(
  held: readonly HeldFile[],
  chosen: readonly { uid: string; file: File }[],
  already = 0,
): { held: HeldFile[]; refused: string[] } {
  const out = [...held];
  const refused: string[] = [];
  for (const { uid, file } of chosen) {
    if (out.some((h) => h.file.name === file.name && h.file.size === file.size)) continue;
    const problem = attachmentProblem(file);
    if (problem) {
      refused.push(problem);
      continue;
    }
    if (already + out.filter((h) => h.status !== 'done').length >= MAX_ATTACHMENTS) {
      refused.push(`${file.name}：每项填报最多${MAX_ATTACHMENTS}个附件`);
      continue;
    }
    out.push({ uid, file, status: 'waiting' });
  }
  return { held: out, refused };
}

/**
 * Sends every held file not yet sent (waiting or failed), one at a time, telling `onChange` the
 * list after each step. Returns the list at the end: sent files marked done, failed ones with
 * their reason. Never throws: a failed upload is a result, not an error.
 */
export async function sendHeld(
  held: readonly HeldFile[],
  send: (file: File) => Promise<unknown>,
  onChange: (held: HeldFile[]) => void = () => {},
): Promise<HeldFile[]> {
  let list = held.map((h) => ({ ...h }));
  const set = (uid: string, patch: Partial<HeldFile>) => {
    list = list.map((h) => (h.uid === uid ? { ...h, ...patch } : h));
    onChange(list);
  };
  for (const h of held) {
    if (h.status === 'done') continue;
    set(h.uid, { status: 'uploading', error: undefined });
    try {
      await send(h.file);
      set(h.uid, { status: 'done' });
    } catch (e) {
      set(h.uid, { status: 'failed', error: errorMessage(e) });
    }
  }
  return list;
}

/** The files still to be sent (waiting or failed). */
export const unsent = (held: readonly HeldFile[]) => held.filter((h) => h.status !== 'done');

/** "a.pdf（原因）；b.png（原因）" for the files that failed. */
export function failureSummary(held: readonly HeldFile[]): string {
  return held
    .filter((h) => h.status === 'failed')
    .map((h) => `${h.file.name}（${h.error ?? '上传失败'}）`)
    .join('；');
}
