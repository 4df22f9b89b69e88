import { Alert, App, Form, Input, Modal, Radio, Select, Switch } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../shared/http';
import { submissionsApi, submissionsKeys } from '../submissions/api';
import { subscriptionsApi, subscriptionsKeys } from '../subscriptions/api';
import { FREQUENCY_OPTIONS } from '../../shared/labels';
import { useMeta } from '../../shared/meta';
import type { DigestFrequency } from '../../shared/types';

interface Values {
  name: string;
  submissionIds: string[];
  frequency: DigestFrequency;
  emailEnabled: boolean;
}

/** “为我匹配”: new items that match the chosen own needs or capabilities arrive as a digest. */
export function MatchProfileModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const meta = useMeta();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ownQuery = { pageSize: 100 };
  const own = useQuery({
    queryKey: submissionsKeys.list(ownQuery),
    queryFn: () => submissionsApi.submissions(ownQuery),
    select: (page) => page.items.filter((s) => s.status !== 'draft' && s.status !== 'withdrawn'),
    enabled: open,
  });

  useEffect(() => {
    if (open) {
      setError(null);
      form.setFieldsValue({ name: '为我匹配', submissionIds: [], frequency: 'weekly', emailEnabled: true });
    }
  }, [open, form]);

  const ok = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await subscriptionsApi.createSubscription({
        kind: 'match_profile',
        name: v.name.trim(),
        frequency: v.frequency,
        emailEnabled: v.emailEnabled,
        query: { submissionIds: v.submissionIds },
      });
      void message.success('已创建“为我匹配”订阅');
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
      title="新建“为我匹配”订阅"
      okText="创建"
      cancelText="取消"
      onOk={() => void ok().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ loading: busy, 'data-testid': 'subscription-confirm' }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="subscription-error" />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="name"
          label="订阅名称"
          rules={[
            { required: true, whitespace: true, message: '请填写订阅名称' },
            { max: 60, message: '订阅名称不能超过60个字' },
          ]}
        >
          <Input maxLength={60} showCount data-testid="subscription-name" />
        </Form.Item>
        <Form.Item
          name="submissionIds"
          label="本机构的需求或能力"
          extra="新发布的条目与所选条目匹配时推送给您"
          rules={[
            { required: true, type: 'array', min: 1, message: '请至少选择一项' },
            { type: 'array', max: 20, message: '最多选择20项' },
          ]}
        >
          <Select
            mode="multiple"
            loading={own.isFetching}
            options={(own.data ?? []).map((s) => ({ value: s.id, label: `【${meta.listType(s.listType)}】${s.title}` }))}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="请选择"
            notFoundContent="本机构暂无已提交的需求或能力"
            data-testid="subscription-items"
          />
        </Form.Item>
        <Form.Item name="frequency" label="推送频率">
          <Radio.Group options={FREQUENCY_OPTIONS} data-testid="subscription-frequency-input" />
        </Form.Item>
        <Form.Item name="emailEnabled" label="同时发送邮件" valuePropName="checked">
          <Switch data-testid="subscription-email-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
