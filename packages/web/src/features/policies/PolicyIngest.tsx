import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../shared/components/PageHeader';
import { errorMessage } from '../../shared/http';
import { POLICY_TEXT_MAX, policiesApi, type PolicyIngestReceipt } from './api';

const ACCEPT = '.docx,.pdf,.html,.htm,.txt';
const MIN_CHARS = 20;

/** 导入政策 (operator): paste the notice or upload its file; the reading is then reviewed on the policy page. */
export default function PolicyIngest() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState<'paste' | 'upload' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const done = (r: PolicyIngestReceipt) => {
    if (r.created) void message.success('已导入，请核对识别结果后发布');
    else void message.info('该政策已导入过，已打开已有的政策');
    void navigate(`/policies/${r.id}`, { state: { created: r.created } });
  };
  const run = async (kind: 'paste' | 'upload', work: () => Promise<PolicyIngestReceipt>) => {
    setBusy(kind);
    setError(null);
    try {
      done(await work());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const length = text.length;
  const tooLong = length > POLICY_TEXT_MAX;
  return (
    <div>
      <PageHeader title="导入政策" sub="粘贴政策正文或上传文件：系统识别标题、发文单位、文号、有效期和各条措施，存为草稿供核对。" />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="policy-ingest-error" />}
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title="上传文件" size="small">
          <Upload.Dragger
            accept={ACCEPT}
            multiple={false}
            showUploadList={false}
            disabled={busy !== null}
            customRequest={({ file }) => void run('upload', () => policiesApi.upload(file as File))}
            data-testid="policy-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>{busy === 'upload' ? '正在读取文件…' : '点击或拖入文件'}</p>
            <Typography.Text type="secondary">支持 .docx、.pdf（文字版）、.html、.txt</Typography.Text>
          </Upload.Dragger>
        </Card>
        <Card title="粘贴正文" size="small">
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 12, maxRows: 30 }}
            placeholder="将政策通知全文粘贴到这里（含标题、发文单位、文号和日期，识别更准确）"
            aria-label="政策正文"
            status={tooLong ? 'error' : undefined}
            data-testid="policy-text"
          />
          <Space style={{ marginTop: 8, width: '100%', justifyContent: 'space-between' }} wrap>
            <Typography.Text type={tooLong ? 'danger' : 'secondary'} data-testid="policy-text-count">
              {length.toLocaleString('en-US')} / {POLICY_TEXT_MAX.toLocaleString('en-US')} 字{tooLong ? '，超出上限，请拆分后分别导入' : ''}
            </Typography.Text>
            <Button
              type="primary"
              loading={busy === 'paste'}
              disabled={busy !== null || tooLong || text.trim().length < MIN_CHARS}
              onClick={() => void run('paste', () => policiesApi.ingest(text))}
              data-testid="policy-ingest-submit"
            >
              识别并导入
            </Button>
          </Space>
        </Card>
      </Space>
    </div>
  );
}
