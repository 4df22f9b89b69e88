import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, List, Popconfirm, Typography, Upload } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../shared/http';
import { submissionsApi, submissionsKeys } from './api';
import { fmtTime } from '../../shared/time';
import type { Attachment } from '../../shared/types';
import { attachmentProblem } from './upload-check';

export const ATTACHMENT_ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg';

export function fmtSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

interface Props {
  submissionId: string;
  items: Attachment[];
  editable: boolean;
  /** Told after a file was added or removed (the fill-in form reloads its copy of the submission). */
  onChanged?: () => void;
}

/** Where a list's files are sent, removed and read: the submission's, or another object's (a 揭榜 application's). */
export interface AttachmentEndpoints {
  upload: (file: File | Blob, filename?: string) => Promise<Attachment>;
  remove: (id: string) => Promise<unknown>;
  url: (id: string) => string;
}

/** Attachment list with download links; upload and delete while the submission is editable. */
export function Attachments({ submissionId, items, editable, onChanged }: Props) {
  const queryClient = useQueryClient();
  const endpoints: AttachmentEndpoints = {
    upload: (file, filename) => submissionsApi.uploadAttachment(submissionId, file, filename),
    remove: submissionsApi.deleteAttachment,
    url: submissionsApi.attachmentUrl,
  };
  const onChange = () => {
    void queryClient.invalidateQueries({ queryKey: submissionsKeys.detail(submissionId) });
    onChanged?.();
  };
  return <AttachmentList items={items} editable={editable} endpoints={endpoints} onChanged={onChange} />;
}

/** The list itself, for any object with files: upload and delete only when `editable`. */
export function AttachmentList({
  items,
  editable,
  endpoints,
  onChanged: onChange,
}: {
  items: Attachment[];
  editable: boolean;
  endpoints: AttachmentEndpoints;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const [lastError, setLastError] = useState<string | null>(null);

  const remove = async (a: Attachment) => {
    try {
      await endpoints.remove(a.id);
      void message.success(`已删除 ${a.filename}`);
      onChange();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  return (
    <div>
      {editable && (
        <div style={{ marginBottom: 12 }}>
          <Upload
            accept={ATTACHMENT_ACCEPT}
            showUploadList={false}
            multiple={false}
            data-testid="attachment-upload-input"
            customRequest={({ file, onSuccess, onError }) => {
              if (typeof file === 'string') return;
              // Refused here, before sending: a 10 MB upload on a slow line should not fail only at the end.
              const problem = attachmentProblem({ name: 'name' in file ? file.name : '文件', size: file.size });
              if (problem) {
                setLastError(problem);
                void message.error(problem);
                onError?.(new Error(problem));
                return;
              }
              setUploading(true);
              setLastError(null);
              endpoints
                .upload(file, 'name' in file ? file.name : undefined)
                .then((a) => {
                  onSuccess?.(a);
                  void message.success(`已上传 ${a.filename}`);
                  onChange();
                })
                .catch((e: unknown) => {
                  const text = errorMessage(e);
                  setLastError(text);
                  void message.error(text);
                  onError?.(e instanceof Error ? e : new Error(text));
                })
                .finally(() => setUploading(false));
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading} data-testid="attachment-upload">
              上传附件
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
            支持 PDF、DOCX、XLSX、PNG、JPG，单个文件不超过10MB
          </Typography.Text>
          {lastError && (
            <div>
              <Typography.Text type="danger" data-testid="attachment-error">
                {lastError}
              </Typography.Text>
            </div>
          )}
        </div>
      )}
      <List<Attachment>
        size="small"
        bordered
        dataSource={items}
        locale={{ emptyText: '暂无附件' }}
        data-testid="attachment-list"
        renderItem={(a) => (
          <List.Item
            data-testid={`attachment-${a.id}`}
            actions={
              editable
                ? [
                    <Popconfirm
                      key="del"
                      title={`确定删除附件“${a.filename}”吗？`}
                      okText="删除"
                      cancelText="取消"
                      okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }}
                      onConfirm={() => remove(a)}
                    >
                      <Button size="small" danger type="text" icon={<DeleteOutlined />} data-testid={`attachment-delete-${a.id}`}>
                        删除
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              avatar={<PaperClipOutlined />}
              title={
                <a href={endpoints.url(a.id)} download={a.filename} data-testid={`attachment-download-${a.id}`}>
                  {a.filename}
                </a>
              }
              description={`${fmtSize(a.size)} · ${fmtTime(a.createdAt)}`}
            />
          </List.Item>
        )}
      />
    </div>
  );
}
