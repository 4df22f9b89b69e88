import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { DEAL_ACTIVITY_KIND_LABELS } from '@scenebridge/contract/deals/labels';
import { DEAL_ACTIVITY_KINDS } from '@scenebridge/contract/deals/lifecycle';
import { Alert, Button, DatePicker, Flex, Form, Input, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { DateTimePicker } from '../../shared/components/DateTimePicker';
import { applyServerErrors } from '../../shared/formErrors';
import { errorMessage } from '../../shared/http';
import { dayjs, fromPickerValue, toPickerValue } from '../../shared/time';
import type { ActivityInput, Deal } from './api';
import { dealsApi } from './api';

/**
 * The server's limits (packages/domain/src/deals/schema.ts, DEAL_TEXT_LIMITS); the server checks
 * them again and its messages are put next to the fields.
 */
const LIMITS = { note: 5000, nextStep: 500, linkTitle: 100, links: 10 } as const;

interface Values {
  kind: string;
  note: string;
  occurredAt?: Dayjs;
  links?: { title?: string; url?: string }[];
  nextStep?: string;
  nextStepDueOn?: Dayjs;
}

/** 添加跟进: a call, meeting, visit, document or note, with an optional next step and its due date. */
export function ActivityForm({ deal, open, onClose, onSaved }: { deal: Deal; open: boolean; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const v = await form.validateFields();
    const body: ActivityInput = {
      kind: v.kind,
      note: v.note.trim(),
      occurredAt: v.occurredAt ? fromPickerValue(v.occurredAt) : undefined,
      links: (v.links ?? [])
        .filter((l) => l.title?.trim() || l.url?.trim())
        .map((l) => ({ title: (l.title ?? '').trim(), url: (l.url ?? '').trim() })),
      nextStep: v.nextStep?.trim() || undefined,
      nextStepDueOn: v.nextStepDueOn ? v.nextStepDueOn.format('YYYY-MM-DD') : undefined,
    };
    setBusy(true);
    setError(null);
    try {
      await dealsApi.logActivity(deal.id, body);
      onSaved();
      form.resetFields();
      onClose();
    } catch (e) {
      const rest = applyServerErrors(form, e);
      setError(rest === null ? errorMessage(e) : rest.length > 0 ? rest.map((d) => d.message).join('；') : null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={`添加跟进：${deal.code}`}
      okText="保存跟进"
      cancelText="取消"
      okButtonProps={{ loading: busy, 'data-testid': 'activity-submit' }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="activity-error" />}
      {deal.activity === 'dormant' && (
        <Alert type="info" showIcon title="该项目处于休眠状态，保存跟进记录后将恢复为跟进中。" style={{ marginBottom: 12 }} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'call', occurredAt: toPickerValue(dayjs().toISOString()), links: [] }}
      >
        <Form.Item name="kind" label="跟进方式" rules={[{ required: true, message: '请选择跟进方式' }]}>
          <Radio.Group
            optionType="button"
            options={DEAL_ACTIVITY_KINDS.map((k) => ({ value: k, label: DEAL_ACTIVITY_KIND_LABELS[k] }))}
            data-testid="activity-kind"
          />
        </Form.Item>
        <Form.Item
          name="note"
          label="跟进记录"
          rules={[
            { required: true, whitespace: true, message: '请填写跟进记录' },
            { max: LIMITS.note, message: `跟进记录不能超过${LIMITS.note}字` },
          ]}
        >
          <Input.TextArea
            rows={4}
            showCount
            maxLength={LIMITS.note}
            placeholder="沟通了什么、对方的反馈、达成的共识"
            data-testid="activity-note"
          />
        </Form.Item>
        <Form.Item name="occurredAt" label="发生时间（北京时间）" extra="默认为现在">
          <DateTimePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs().endOf('day'))} data-testid="activity-time" />
        </Form.Item>
        <Form.List name="links">
          {(fields, { add, remove }) => (
            <Form.Item label="相关文件链接">
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline" wrap>
                  <Form.Item
                    name={[f.name, 'title']}
                    rules={[
                      { required: true, whitespace: true, message: '请填写文件名称' },
                      { max: LIMITS.linkTitle, message: `文件名称不能超过${LIMITS.linkTitle}字` },
                    ]}
                    style={{ flex: '1 1 160px', marginBottom: 8 }}
                  >
                    <Input placeholder="文件名称" aria-label="文件名称" />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'url']}
                    rules={[
                      { required: true, whitespace: true, message: '请填写链接' },
                      { pattern: /^https?:\/\/\S+$/i, message: '链接应以 http:// 或 https:// 开头' },
                    ]}
                    style={{ flex: '2 1 220px', marginBottom: 8 }}
                  >
                    <Input placeholder="https://…" aria-label="链接" />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label="删除此链接" onClick={() => remove(f.name)} />
                </Flex>
              ))}
              {fields.length < LIMITS.links && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '', url: '' })} data-testid="activity-add-link">
                  添加链接
                </Button>
              )}
            </Form.Item>
          )}
        </Form.List>
        <Flex gap={12} wrap>
          <Form.Item
            name="nextStep"
            label="下一步"
            style={{ flex: '2 1 240px' }}
            rules={[
              { max: LIMITS.nextStep, message: `下一步不能超过${LIMITS.nextStep}字` },
              ({ getFieldValue }) => ({
                validator: (_r, v?: string) =>
                  !v?.trim() && getFieldValue('nextStepDueOn')
                    ? Promise.reject(new Error('填写了截止日期，请同时填写下一步'))
                    : Promise.resolve(),
              }),
            ]}
            dependencies={['nextStepDueOn']}
          >
            <Input placeholder="如：提交技术方案、安排现场考察" data-testid="activity-next-step" />
          </Form.Item>
          <Form.Item
            name="nextStepDueOn"
            label="截止日期"
            style={{ flex: '1 1 160px' }}
            dependencies={['nextStep']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_r, v?: Dayjs) =>
                  !v && (getFieldValue('nextStep') as string | undefined)?.trim()
                    ? Promise.reject(new Error('请选择下一步的截止日期'))
                    : Promise.resolve(),
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} placeholder="选择日期" data-testid="activity-next-due" />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
