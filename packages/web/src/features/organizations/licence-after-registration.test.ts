import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/http';
import { licenceRetryText, sendLicenceAfterRegistration } from './licence-after-registration';

const file = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], '营业执照.pdf');

describe('the licence sent right after registering', () => {
  it('does nothing without a file', async () => {
    const calls: string[] = [];
    const out = await sendLicenceAfterRegistration({
      file: null,
      organizationId: 'o1',
      signIn: async () => void calls.push('signIn'),
      upload: async () => ({ filename: 'x' }),
    });
    expect(out).toEqual({ status: 'none' });
    expect(calls).toEqual([]);
  });

  it('signs in first, then uploads to the new organisation', async () => {
    const calls: string[] = [];
    const out = await sendLicenceAfterRegistration({
      file,
      organizationId: 'o1',
      signIn: async () => void calls.push('signIn'),
      upload: async (id, f) => {
        calls.push(`upload ${id} ${f.name}`);
        return { filename: '营业执照.pdf' };
      },
    });
    expect(calls).toEqual(['signIn', 'upload o1 营业执照.pdf']);
    expect(out).toEqual({ status: 'uploaded', filename: '营业执照.pdf' });
  });

  it('a refused upload is reported with the reason and where to upload again', async () => {
    const out = await sendLicenceAfterRegistration({
      file,
      organizationId: 'o1',
      signIn: async () => {},
      upload: async () => {
        throw new ApiError(415, 'UNSUPPORTED_FILE_TYPE', '仅支持PDF、JPG、PNG文件（按文件内容识别）');
      },
    });
    expect(out).toEqual({
      status: 'failed',
      filename: '营业执照.pdf',
      reason: '仅支持PDF、JPG、PNG文件（按文件内容识别）',
      signedIn: true,
    });
    if (out.status !== 'failed') throw new Error('unreachable');
    expect(licenceRetryText(out)).toBe(
      '注册已成功，但营业执照「营业执照.pdf」未能上传：仅支持PDF、JPG、PNG文件（按文件内容识别）。请进入工作台，在工作台首页「机构信息待审核」提示中的“上传营业执照”重新上传；运营方审核时需要查看营业执照。',
    );
  });

  it('a failed sign-in does not try the upload and says to log in first', async () => {
    let uploaded = false;
    const out = await sendLicenceAfterRegistration({
      file,
      organizationId: 'o1',
      signIn: async () => {
        throw new ApiError(429, 'RATE_LIMITED', '操作过于频繁，请稍后再试');
      },
      upload: async () => {
        uploaded = true;
        return { filename: 'x' };
      },
    });
    expect(uploaded).toBe(false);
    expect(out).toMatchObject({ status: 'failed', signedIn: false });
    if (out.status !== 'failed') throw new Error('unreachable');
    expect(licenceRetryText(out)).toContain('请登录后在工作台首页');
  });
});
