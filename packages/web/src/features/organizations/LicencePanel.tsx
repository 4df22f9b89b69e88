import { FileProtectOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, List, Space, Typography, Upload } from 'antd';
import type { OrganizationLicence } from '@scenebridge/contract/organizations';
import { useState } from 'react';
import { errorMessage } from '../../shared/http';
import { fmtTime } from '../../shared/time';
import { organizationsApi, organizationsKeys } from './api';
import { LICENCE_ACCEPT, LICENCE_HINT, licenceProblem } from './licence-check';

function fmtSize(n: number): string {
  return n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A link that opens (downloads) one licence file. */
export function LicenceLink({ organizationId, licence }: { organizationId: string; licence: OrganizationLicence }) {
  return (
    <a
      href={organizationsApi.licenceUrl(organizationId, licence.id)}
      target="_blank"
      rel="noopener noreferrer"
      data-testid={`licence-open-${licence.id}`}
    >
      <FileProtectOutlined /> {licence.filename}
    </a>
  );
}

interface Props {
  organizationId: string;
  /** The organisation's admin while it is under review (pending or rejected). */
  canUpload: boolean;
}

/**
 * The organisation's business licence (营业执照) files, newest first, each opening the file; for
 * its admin under review also the upload, checked for type and size before it is sent.
 */
export function LicencePanel({ organizationId, canUpload }: Props) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [uploading, setUploading] = useState(false);
  const [lastError, setLastError] = useState<string | null>(null);
  const list = useQuery({
    queryKey: organizationsKeys.licences(organizationId),
    queryFn: () => organizationsApi.licences(organizationId),
  });
  const items = list.data ?? [];

  const send = async (file: File) => {
    const problem = licenceProblem(file);
    if (problem) {
      setLastError(problem);
      return;
    }
    setUploading(true);
    setLastError(null);
    try {
      const l = await organizationsApi.uploadLicence(organizationId, file);
      void message.success(`营业执照已上传：${l.filename}`);
      void queryClient.invalidateQueries({ queryKey: organizationsKeys.all });
    } catch (e) {
      setLastError(`${file.name}：${errorMessage(e)}`);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }} data-testid="licence-panel">
      {list.isLoading ? (
        <Typography.Text type="secondary">营业执照加载中…</Typography.Text>
      ) : list.error ? (
        <Typography.Text type="danger">营业执照列表加载失败：{errorMessage(list.error)}</Typography.Text>
      ) : items.length === 0 ? (
        <Typography.Text type="warning" data-testid="licence-missing">
          尚未上传营业执照{canUpload ? '，运营方审核时需要查看，请上传。' : '。'}
        </Typography.Text>
      ) : (
        <List<OrganizationLicence>
          size="small"
          dataSource={items}
          data-testid="licence-list"
          renderItem={(l, i) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Space wrap>
                <LicenceLink organizationId={organizationId} licence={l} />
                <Typography.Text type="secondary">
                  {fmtSize(l.size)} · {fmtTime(l.createdAt)}
                  {i === 0 && items.length > 1 ? ' · 最新' : ''}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      {canUpload && (
        <Space wrap>
          <Upload
            accept={LICENCE_ACCEPT}
            showUploadList={false}
            multiple={false}
            beforeUpload={(file) => {
              void send(file);
              return false;
            }}
            data-testid="licence-upload-input"
          >
            <Button icon={<UploadOutlined />} loading={uploading} data-testid="licence-upload">
              {items.length ? '上传新的营业执照' : '上传营业执照'}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{LICENCE_HINT}</Typography.Text>
        </Space>
      )}
      {lastError && (
        <Typography.Text type="danger" data-testid="licence-error">
          {lastError}
        </Typography.Text>
      )}
    </Space>
  );
}
