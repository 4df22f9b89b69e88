import { ATTACHMENT_MAX_BYTES } from '@scenebridge/contract/forms';
import { describe, expect, it } from 'vitest';
import { attachmentProblem, extensionOf } from './upload-check';

describe('attachment size, checked before the upload', () => {
  it('refuses a file over 10 MB, naming it', () => {
    expect(attachmentProblem({ name: '方案.pdf', size: ATTACHMENT_MAX_BYTES + 1 })).toBe(
      '方案.pdf：文件超过10MB上限，请压缩或拆分后再上传',
    );
  });
  it('lets a file of exactly 10 MB through', () => {
    expect(attachmentProblem({ name: '方案.pdf', size: ATTACHMENT_MAX_BYTES })).toBeNull();
    expect(attachmentProblem({ name: '方案.pdf', size: 1 })).toBeNull();
  });
  it('refuses an empty file', () => {
    expect(attachmentProblem({ name: '空.pdf', size: 0 })).toBe('空.pdf：文件为空');
  });
});

describe('attachment type, checked before the upload', () => {
  it('refuses a name whose ending is not an accepted type, in any case', () => {
    expect(attachmentProblem({ name: 'setup.exe', size: 10 })).toBe('setup.exe：不支持的文件类型，仅支持 PDF、DOCX、XLSX、PNG、JPG');
    expect(attachmentProblem({ name: '旧方案.doc', size: 10 })).toContain('不支持的文件类型');
  });
  it('lets accepted endings through whatever their case, and leaves a name without an ending to the server', () => {
    for (const name of ['a.PDF', 'b.docx', 'c.XLSX', 'd.png', 'e.jpg', 'f.JPEG', '预算表']) {
      expect(attachmentProblem({ name, size: 10 }), name).toBeNull();
    }
  });
  it('reads the ending of the last path segment only', () => {
    expect(extensionOf('v1.2/方案')).toBeNull();
    expect(extensionOf('方案.v2.pdf')).toBe('pdf');
    expect(extensionOf('.pdf')).toBe('pdf');
  });
});
