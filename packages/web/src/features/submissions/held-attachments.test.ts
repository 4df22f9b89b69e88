import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/http';
import { failureSummary, holdFiles, MAX_ATTACHMENTS, sendHeld, unsent, type HeldFile } from './held-attachments';

const file = (name: string, size = 10) => new File([new Uint8Array(size)], name);
const chosen = (...files: File[]) => files.map((f, i) => ({ uid: `u${i}-${f.name}`, file: f }));

describe('holding files before the draft exists', () => {
  it('holds acceptable files and says why the others are refused', () => {
    const { held, refused } = holdFiles([], chosen(file('方案.pdf'), file('setup.exe'), file('空.pdf', 0)));
    expect(held.map((h) => [h.file.name, h.status])).toEqual([['方案.pdf', 'waiting']]);
    expect(refused).toEqual(['setup.exe：不支持的文件类型，仅支持 PDF、DOCX、XLSX、PNG、JPG', '空.pdf：文件为空']);
  });

  it('skips a file chosen twice and stops at the per-submission limit, counting what the draft has', () => {
    const first = holdFiles([], chosen(file('a.pdf')));
    expect(holdFiles(first.held, chosen(file('a.pdf'))).held).toHaveLength(1);
    const full = holdFiles([], chosen(file('b.pdf'), file('c.pdf')), MAX_ATTACHMENTS - 1);
    expect(full.held.map((h) => h.file.name)).toEqual(['b.pdf']);
    expect(full.refused).toEqual([`c.pdf：每项填报最多${MAX_ATTACHMENTS}个附件`]);
  });
});

describe('sending the held files after the first save', () => {
  it('sends each in turn, reports every step, and keeps a failed one with its reason', async () => {
    const { held } = holdFiles([], chosen(file('a.pdf'), file('b.png'), file('c.docx')));
    const steps: string[] = [];
    const sent: string[] = [];
    const result = await sendHeld(
      held,
      async (f) => {
        if (f.name === 'b.png') throw new ApiError(415, 'UNSUPPORTED_FILE_TYPE', '仅支持PDF、DOCX、XLSX、PNG、JPG文件（按文件内容识别）');
        sent.push(f.name);
      },
      (list) => steps.push(list.map((h) => `${h.file.name}:${h.status}`).join(',')),
    );
    expect(sent).toEqual(['a.pdf', 'c.docx']);
    expect(result.map((h) => h.status)).toEqual(['done', 'failed', 'done']);
    expect(steps[0]).toBe('a.pdf:uploading,b.png:waiting,c.docx:waiting');
    expect(steps.at(-1)).toBe('a.pdf:done,b.png:failed,c.docx:done');
    expect(unsent(result).map((h) => h.file.name)).toEqual(['b.png']);
    expect(failureSummary(result)).toBe('b.png（仅支持PDF、DOCX、XLSX、PNG、JPG文件（按文件内容识别））');
    // The list given in is not changed.
    expect(held.every((h) => h.status === 'waiting')).toBe(true);
  });

  it('sends again only what was not sent, and a network failure is a readable reason', async () => {
    const held: HeldFile[] = [
      { uid: '1', file: file('a.pdf'), status: 'done' },
      { uid: '2', file: file('b.pdf'), status: 'failed', error: '旧原因' },
    ];
    const sent: string[] = [];
    const again = await sendHeld(held, async (f) => {
      sent.push(f.name);
      throw new TypeError('Failed to fetch');
    });
    expect(sent).toEqual(['b.pdf']);
    expect(again[1]).toMatchObject({ status: 'failed', error: '网络连接失败，请检查网络后重试' });
  });
});
