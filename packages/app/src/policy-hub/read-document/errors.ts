import { DomainError } from '@scenebridge/domain';

const ACCEPTED = 'Word（.docx）、带文字层的PDF、网页（.html）或纯文本（.txt）';

export const unsupportedType = (detail: string) =>
  new DomainError('UNSUPPORTED_FILE_TYPE', `仅支持${ACCEPTED}文件（按文件内容识别）：${detail}`, 415);

export const fileTooLarge = (maxBytes: number) =>
  new DomainError('FILE_TOO_LARGE', `文件超过${Math.round(maxBytes / 1024 / 1024)}MB上限`, 413, { maxBytes });

export const emptyFile = () => new DomainError('EMPTY_FILE', '文件为空', 400);

export const textTooLong = (maxChars: number) =>
  new DomainError('POLICY_TEXT_TOO_LONG', `文件文字超过${maxChars}字上限，请拆分后分别上传`, 413, { maxChars });

export const noTextLayer = (format: 'pdf' | 'docx' | 'html' | 'txt') =>
  new DomainError(
    'POLICY_NO_TEXT_LAYER',
    format === 'pdf'
      ? 'PDF中没有文字层（可能是扫描件），请上传可复制文字的PDF、Word或文本文件'
      : '文件中没有可读取的文字，请检查文件内容（图片中的文字无法读取）',
    422,
    { format },
  );

export const invalidDocument = (message: string) => new DomainError('INVALID_DOCUMENT', message, 400);
