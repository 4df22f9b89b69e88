import { Alert, App, Form, Modal, Radio, Switch } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../shared/http';
import { FREQUENCY_OPTIONS } from '../../shared/labels';
import type { DigestFrequency } from '../../shared/types';
import { subscriptionsApi, subscriptionsKeys } from './api';

interface Values {
  includeUnknown: boolean;
  frequency: DigestFrequency;
  emailEnabled: boolean;
}

/** 新政策匹配提醒: a newly published policy with measures the organisation meets is notified, then sent in the digest. */
export function PolicyMatchModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (open) {
      setError(null);
      form.setFieldsValue({ includeUnknown: false, frequency: 'daily', emailEnabled: true });
    }
  }, [open, form]);

  const ok = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await subscriptionsApi.createSubscription({
        kind: 'policy_match',
        name: '新政策匹配提醒',
        frequency: v.frequency,
        emailEnabled: v.emailEnabled,
        query: { includeUnknown: v.includeUnknown },
      });
      void message.success('已开启新政策匹配提醒');
      void queryClient.invalidateQueries({ queryKey: subscriptionsKeys.all });
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
      title="新政策匹配提醒"
      okText="开启"
      cancelText="取消"
      onOk={() => void ok().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ loading: busy, 'data-testid': 'policy-match-confirm' }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="policy-match-error" />}
      <p style={{ color: 'rgba(0,0,0,0.65)' }}>
        新政策发布时，按本单位的政策画像逐项判断其措施的条件；有本单位符合的措施时在站内通知，并按推送频率汇总发送邮件。
      </p>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="includeUnknown"
          label="包括需补充信息才能判断的措施"
          extra="政策画像缺少某些信息（如员工人数、营业收入）时，相关措施无法判断是否符合"
          valuePropName="checked"
        >
          <Switch data-testid="policy-match-include-unknown" />
        </Form.Item>
        <Form.Item name="frequency" label="邮件汇总频率">
          <Radio.Group options={FREQUENCY_OPTIONS} data-testid="policy-match-frequency" />
        </Form.Item>
        <Form.Item name="emailEnabled" label="同时发送邮件" valuePropName="checked">
          <Switch data-testid="policy-match-email" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
