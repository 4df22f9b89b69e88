import { ATTACHMENT_MAX_BYTES } from '@scenebridge/contract/forms';
import { describe, expect, it } from 'vitest';
import { attachmentProblem } from './upload-check';

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
});
