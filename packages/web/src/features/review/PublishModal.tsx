import { useQuery } from '@tanstack/react-query';
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Flex, Form, Input, InputNumber, List, Modal, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../../shared/http';
import { BATCH_LIST_NAMES } from '../../shared/labels';
import { dayjs, TZ } from '../../shared/time';
import type { Batch } from '../../shared/types';
import { rules } from '../../shared/validators';
import { batchPreviewFileUrl, publicationApi, publicationKeys, type BatchInput } from '../publication/api';

interface PublishValues {
  title?: string;
  number?: number | null;
  issuer?: string;
}

const NUMBER_SOURCE: Record<string, string> = {
  call_title: '按征集名称中的批次建议',
  sequence: '按本年已发布批次顺延建议',
};

const inputOf = (v: PublishValues): BatchInput => ({
  title: v.title?.trim() || undefined,
  number: typeof v.number === 'number' ? v.number : undefined,
  issuer: v.issuer?.trim() || undefined,
});

/**
 * 发布批次: publishing cannot be undone, so the operator sees first what will be published — the
 * entry count and entries in order, the suggested number, and the XLSX list and DOCX bulletin as
 * they will be — before the button that publishes.
 */
export function PublishModal({
  callId,
  listType,
  selectedCount,
  onClose,
  onDone,
}: {
  callId: string;
  listType: string;
  selectedCount: number;
  onClose: () => void;
  onDone: (b: Batch) => void;
}) {
  const [form] = Form.useForm<PublishValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [suggested, setSuggested] = useState<{ number: number; source: string } | null>(null);
  const values = Form.useWatch([], form) ?? {};
  const input = inputOf(values);
  const year = dayjs().tz(TZ).year();
  const listName = BATCH_LIST_NAMES[listType] ?? '人工智能场景清单';
  // The entries and number depend on the number only; title and issuer are shown as typed.
  const preview = useQuery({
    queryKey: [...publicationKeys.preview(callId), input.number ?? null],
    queryFn: () => publicationApi.previewBatch(callId, { number: input.number }),
    staleTime: 0,
  });
  const p = preview.data;

  // The suggested number fills the field once; the operator may change it.
  useEffect(() => {
    if (p && p.numberSource !== 'operator' && !suggested) {
      setSuggested({ number: p.number, source: p.numberSource });
      if (form.getFieldValue('number') == null) form.setFieldsValue({ number: p.number });
    }
  }, [p, form, suggested]);

  const ok = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      onDone(await publicationApi.publishBatch(callId, inputOf(v)));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'BATCH_NUMBER_TAKEN') form.setFields([{ name: 'number', errors: [e.message] }]);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const previewError = preview.error ? errorMessage(preview.error) : null;
  return (
    <Modal
      open
      title="发布批次"
      okText="确认发布"
      cancelText="取消"
      okButtonProps={{ loading: busy, disabled: !p, 'data-testid': 'publish-confirm' }}
      onOk={() => void ok().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={`将 ${p?.entryCount ?? selectedCount} 个已入选项目按排名顺序编号发布`}
        description="发布后不可撤回或修改，更正只能发布勘误。请先预览清单和公告。征集仍处于评审中，可继续遴选并发布后续批次；全部完成后在征集管理中点击“发布结果”结束评审。"
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="publish-error" />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="title"
          label="批次标题"
          extra="不填写时由系统按批次号生成。"
          rules={[
            { min: 4, message: '标题至少4个字' },
            { max: 100, message: '标题不能超过100字' },
          ]}
        >
          <Input placeholder={p?.title ?? `${year}年第N批${listName}`} maxLength={100} allowClear data-testid="publish-title" />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item
            name="number"
            label="批次号"
            extra={suggested && suggested.number === input.number ? NUMBER_SOURCE[suggested.source] : `${year}年内的序号`}
            style={{ flex: '0 0 200px' }}
            rules={[rules.range('批次号', 'batchNumber')]}
          >
            <InputNumber precision={0} placeholder="自动" style={{ width: '100%' }} data-testid="publish-number" />
          </Form.Item>
          <Form.Item
            name="issuer"
            label="发布单位"
            extra="不填写时为运营方单位名称。"
            style={{ flex: '1 1 240px' }}
            rules={[
              { min: 2, message: '发布单位至少2个字' },
              { max: 100, message: '发布单位不能超过100字' },
            ]}
          >
            <Input placeholder={p?.issuer ?? '默认：运营方单位'} maxLength={100} allowClear data-testid="publish-issuer" />
          </Form.Item>
        </Flex>
      </Form>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        发布预览{p ? `：${input.title ?? p.title}，共 ${p.entryCount} 条` : ''}
      </Typography.Title>
      {previewError && (
        <Alert type="error" showIcon title={previewError} style={{ marginBottom: 12 }} data-testid="publish-preview-error" />
      )}
      {!p && !previewError && <Spin />}
      {p && (
        <>
          <Space wrap style={{ marginBottom: 8 }}>
            <a href={batchPreviewFileUrl(callId, 'xlsx', input)} data-testid="publish-preview-xlsx">
              <DownloadOutlined /> 预览清单（XLSX）
            </a>
            <a href={batchPreviewFileUrl(callId, 'docx', input)} data-testid="publish-preview-docx">
              <DownloadOutlined /> 预览公告（DOCX）
            </a>
          </Space>
          <List
            size="small"
            bordered
            style={{ maxHeight: 220, overflow: 'auto', marginBottom: 12 }}
            dataSource={p.entries}
            data-testid="publish-preview-entries"
            renderItem={(e) => (
              <List.Item>
                <Typography.Text>
                  {e.seq}. {e.name}
                </Typography.Text>
                <Typography.Text type="secondary">{e.issuer}</Typography.Text>
              </List.Item>
            )}
          />
        </>
      )}
    </Modal>
  );
}
