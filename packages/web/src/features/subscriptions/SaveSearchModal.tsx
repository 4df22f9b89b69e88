import { Alert, App, Descriptions, Form, Input, Modal, Radio, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../shared/http';
import { subscriptionsApi } from './api';
import { FREQUENCY_OPTIONS } from '../../shared/labels';
import { useMeta } from '../../shared/meta';
import type { DigestFrequency, FacetKey, SavedSearchQuery } from '../../shared/types';

export interface SearchState {
  q: string;
  filters: Record<FacetKey, string[]>;
}

/**
 * What a saved search can hold (keyword, one list type, one sector, up to five technology
 * fields, one region) and which of the current conditions it cannot.
 */
export function toSavedQuery({ q, filters }: SearchState): { query: SavedSearchQuery; dropped: string[] } {
  const query: SavedSearchQuery = {};
  const dropped: string[] = [];
  const one = (key: FacetKey, label: string, set: (v: string) => void) => {
    const v = filters[key];
    if (v.length === 1) set(v[0]!);
    else if (v.length > 1) dropped.push(`${label}（只能保存一个）`);
  };
  if (q.trim()) {
    if (q.trim().length <= 100) query.q = q.trim();
    else dropped.push('关键词（超过100字）');
  }
  one('listType', '清单类型', (v) => (query.listType = v as SavedSearchQuery['listType']));
  one('sector', '所属领域', (v) => (query.sector = v));
  one('region', '地区', (v) => (query.regionCode = v));
  if (filters.techField.length > 5) dropped.push('技术领域（最多5个）');
  else if (filters.techField.length > 0) query.techFields = filters.techField;
  for (const [key, label] of [
    ['status', '状态'],
    ['batch', '发布批次'],
    ['budget', '预算'],
    ['maturity', '技术成熟度'],
  ] as const) {
    if (filters[key].length) dropped.push(label);
  }
  return { query, dropped };
}

interface Values {
  name: string;
  frequency: DigestFrequency;
  emailEnabled: boolean;
}

/** "保存为订阅": the current search becomes a saved search with a periodic digest. */
export function SaveSearchModal({ open, state, onClose }: { open: boolean; state: SearchState; onClose: () => void }) {
  const meta = useMeta();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { query, dropped } = toSavedQuery(state);
  const empty = Object.keys(query).length === 0;

  const defaultName = [
    query.q,
    query.listType ? meta.listType(query.listType) : undefined,
    query.sector ? meta.sector(query.sector) : undefined,
    ...(query.techFields ?? []).map(meta.techField),
    query.regionCode ? meta.region(query.regionCode) : undefined,
  ]
    .filter(Boolean)
    .join(' · ')
    .slice(0, 60);

  useEffect(() => {
    if (open) {
      setError(null);
      form.setFieldsValue({ name: defaultName, frequency: 'daily', emailEnabled: true });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const ok = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await subscriptionsApi.createSubscription({
        kind: 'saved_search',
        name: v.name.trim(),
        frequency: v.frequency,
        emailEnabled: v.emailEnabled,
        query,
      });
      void message.success('已保存为订阅，可在“我的订阅”中管理');
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const conditions = [
    { key: 'q', label: '关键词', children: query.q ?? '—' },
    { key: 'l', label: '清单类型', children: query.listType ? meta.listType(query.listType) : '全部' },
    { key: 's', label: '所属领域', children: query.sector ? meta.sector(query.sector) : '不限' },
    { key: 't', label: '技术领域', children: query.techFields?.map(meta.techField).join('、') || '不限' },
    { key: 'r', label: '地区', children: query.regionCode ? meta.region(query.regionCode) : '不限' },
  ];

  return (
    <Modal
      open={open}
      title="保存为订阅"
      okText="保存"
      cancelText="取消"
      onOk={() => void ok().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ loading: busy, disabled: empty, 'data-testid': 'subscription-confirm' }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="subscription-error" />}
      {empty && <Alert type="warning" showIcon title="请先输入关键词，或选择一个领域、技术领域或地区" style={{ marginBottom: 12 }} />}
      {dropped.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={`以下条件不能保存到订阅，将被忽略：${dropped.join('、')}`}
          style={{ marginBottom: 12 }}
          data-testid="subscription-dropped"
        />
      )}
      <Descriptions size="small" column={1} bordered items={conditions} style={{ marginBottom: 16 }} />
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
