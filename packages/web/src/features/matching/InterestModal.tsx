import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../shared/http';
import { matchingApi, matchingKeys } from './api';
import { useMeta } from '../../shared/meta';
import type { ListType } from '../../shared/types';

export interface ListingRef {
  id: string;
  title: string;
  listType: ListType;
}

interface Props {
  open: boolean;
  /** The other organisation's item. */
  other: ListingRef | null;
  /** The caller's organisation's items of the opposite type (one when the pair is fixed). */
  ownItems: Array<{ id: string; title: string }>;
  onClose: () => void;
}

/** 表达意向: pairs an own item with the other side's, with an optional message. */
export function InterestModal({ open, other, ownItems, onClose }: Props) {
  const meta = useMeta();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ ownId: string; message?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (open) {
      setError(null);
      form.setFieldsValue({ ownId: ownItems.length === 1 ? ownItems[0]!.id : undefined, message: undefined });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  if (!other) return null;
  const ownType: ListType = other.listType === 'scenario_need' ? 'capability' : 'scenario_need';

  const ok = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const [needId, capabilityId] = other.listType === 'scenario_need' ? [other.id, v.ownId] : [v.ownId, other.id];
      const r = await matchingApi.expressInterest(needId, capabilityId, v.message?.trim());
      void message.success(r.created ? '已表达意向，对方和技术经理人将收到通知' : '您已对这一组合表达过意向');
      void queryClient.invalidateQueries({ queryKey: matchingKeys.allInterests });
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="表达对接意向"
      okText="发送意向"
      cancelText="取消"
      onOk={() => void ok().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ loading: busy, 'data-testid': 'interest-confirm' }}
      cancelButtonProps={{ 'data-testid': 'interest-cancel' }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="interest-error" />}
      <Typography.Paragraph>
        对方{meta.listType(other.listType)}：<Typography.Text strong>{other.title}</Typography.Text>
      </Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="ownId"
          label={`本机构的${meta.listType(ownType)}`}
          rules={[{ required: true, message: `请选择本机构的${meta.listType(ownType)}` }]}
        >
          <Select
            options={ownItems.map((o) => ({ value: o.id, label: o.title }))}
            disabled={ownItems.length === 1}
            placeholder="请选择"
            notFoundContent={`本机构暂无已提交的${meta.listType(ownType)}`}
            data-testid="interest-own-item"
          />
        </Form.Item>
        <Form.Item name="message" label="留言（可选）" rules={[{ max: 500, message: '留言不能超过500字' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="简要说明合作设想、联系方式等" data-testid="interest-message" />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">发送后，对方机构的用户和技术经理人将收到站内通知和邮件。</Typography.Text>
    </Modal>
  );
}
