import { ATTACHMENT_MAX_BYTES } from '@scenebridge/contract/forms';
import { describe, expect, it } from 'vitest';
import { LICENCE_ACCEPT, licenceProblem } from './licence-check';

describe('business licence, checked before the upload', () => {
  it('takes PDF, JPG and PNG up to 10 MB, whatever the case of the ending', () => {
    for (const name of ['执照.pdf', '执照.JPG', '执照.jpeg', '执照.png']) expect(licenceProblem({ name, size: 100 }), name).toBeNull();
    expect(licenceProblem({ name: '执照.pdf', size: ATTACHMENT_MAX_BYTES })).toBeNull();
  });
  it('refuses other types, a name without an ending, an empty and an oversized file, naming the file', () => {
    expect(licenceProblem({ name: '执照.docx', size: 100 })).toBe('执照.docx：营业执照仅支持 PDF、JPG、PNG 文件');
    expect(licenceProblem({ name: '执照', size: 100 })).toContain('仅支持 PDF、JPG、PNG');
    expect(licenceProblem({ name: '执照.pdf', size: 0 })).toBe('执照.pdf：文件为空');
    expect(licenceProblem({ name: '执照.pdf', size: ATTACHMENT_MAX_BYTES + 1 })).toBe('执照.pdf：文件超过10MB上限，请压缩后再上传');
  });
  it('offers the same endings to the file picker', () => {
    expect(LICENCE_ACCEPT).toBe('.pdf,.jpg,.jpeg,.png');
  });
});
