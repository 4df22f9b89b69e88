import { DeleteOutlined, LoadingOutlined, PaperClipOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, List, Progress, Space, Tag, Typography, Upload } from 'antd';
import { useRef } from 'react';
import { ATTACHMENT_ACCEPT, fmtSize } from './Attachments';
import type { HeldFile } from './held-attachments';

const STATUS: Record<HeldFile['status'], { color: string; text: string }> = {
  waiting: { color: 'default', text: '待上传' },
  uploading: { color: 'processing', text: '上传中' },
  done: { color: 'success', text: '已上传' },
  failed: { color: 'error', text: '上传失败' },
};

interface Props {
  held: HeldFile[];
  /** Files picked in the chooser (each checked by the caller before it is held). */
  onChoose?: (files: { uid: string; file: File }[]) => void;
  onRemove: (uid: string) => void;
  /** Send the files not yet sent again (only once the draft exists). */
  onRetry?: () => void;
  /** Why the last chosen files were refused. */
  refused: string[];
  busy: boolean;
}

/**
 * The files the form holds until the draft is saved, each with its state: waiting, uploading,
 * uploaded, or failed with the reason (kept, to be sent again or removed).
 */
export function HeldAttachments({ held, onChoose, onRemove, onRetry, refused, busy }: Props) {
  // antd calls beforeUpload once per file of a multiple choice: gather them and pass them on together.
  const batch = useRef<{ uid: string; file: File }[]>([]);
  const sent = held.filter((h) => h.status === 'done').length;
  const sending = held.some((h) => h.status === 'uploading');
  const failed = held.filter((h) => h.status === 'failed').length;

  return (
    <div data-testid="held-attachments">
      {onChoose && (
        <div style={{ marginBottom: 12 }}>
          <Upload
            accept={ATTACHMENT_ACCEPT}
            multiple
            showUploadList={false}
            beforeUpload={(file, all) => {
              batch.current.push({ uid: file.uid, file });
              if (batch.current.length >= all.length) {
                onChoose(batch.current);
                batch.current = [];
              }
              return false;
            }}
            data-testid="held-attachment-input"
          >
            <Button icon={<UploadOutlined />} disabled={busy} data-testid="held-attachment-choose">
              选择附件
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
            支持 PDF、DOCX、XLSX、PNG、JPG，单个文件不超过10MB。所选附件在首次“保存草稿”或“提交”时随草稿一并上传。
          </Typography.Text>
        </div>
      )}
      {refused.length > 0 && (
        <div style={{ marginBottom: 8 }} data-testid="held-attachment-refused">
          {refused.map((r) => (
            <div key={r}>
              <Typography.Text type="danger">{r}</Typography.Text>
            </div>
          ))}
        </div>
      )}
      {(sending || (sent > 0 && sent < held.length)) && (
        <Progress
          percent={Math.round((sent / held.length) * 100)}
          format={() => `${sent}/${held.length}`}
          status={failed ? 'exception' : sending ? 'active' : 'normal'}
          size="small"
          data-testid="held-attachment-progress"
        />
      )}
      {held.length > 0 && (
        <List<HeldFile>
          size="small"
          bordered
          dataSource={held}
          data-testid="held-attachment-list"
          renderItem={(h) => (
            <List.Item
              data-testid={`held-attachment-${h.status}`}
              actions={
                h.status === 'done' || h.status === 'uploading'
                  ? []
                  : [
                      ...(h.status === 'failed' && onRetry
                        ? [
                            <Button key="retry" size="small" type="text" icon={<ReloadOutlined />} disabled={busy} onClick={onRetry}>
                              重试
                            </Button>,
                          ]
                        : []),
                      <Button
                        key="remove"
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        disabled={busy}
                        onClick={() => onRemove(h.uid)}
                        aria-label={`移除 ${h.file.name}`}
                      >
                        移除
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                avatar={h.status === 'uploading' ? <LoadingOutlined /> : <PaperClipOutlined />}
                title={
                  <Space wrap>
                    <span>{h.file.name}</span>
                    <Tag color={STATUS[h.status].color}>{STATUS[h.status].text}</Tag>
                  </Space>
                }
                description={h.status === 'failed' ? <Typography.Text type="danger">{h.error}</Typography.Text> : fmtSize(h.file.size)}
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
