import { useQuery } from '@tanstack/react-query';
import { ACCEPTANCE_VERDICT_LABELS, formatReward } from '@scenebridge/contract/awards/labels';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../shared/http';
import { awardsApi, awardsKeys, type Award, type Milestone } from './api';

export type Dialog = { kind: 'deliver' | 'assign' | 'opinion' | 'pay'; milestone: Milestone } | { kind: 'eliminate' } | null;

interface Props {
  award: Award;
  dialog: Dialog;
  onClose: () => void;
  onDone: (next: Award) => void;
}

/** The modal forms of the detail page: 提交交付物, 指派验收专家, 验收意见, 登记付款, 淘汰. */
export function MilestoneForms({ award, dialog, onClose, onDone }: Props) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const reviewers = useQuery({ queryKey: awardsKeys.reviewers, queryFn: awardsApi.reviewers, enabled: dialog?.kind === 'assign' });
  if (!dialog) return null;
  const m = 'milestone' in dialog ? dialog.milestone : null;
  const run = async (send: () => Promise<Award>, done: string) => {
    setBusy(true);
    try {
      onDone(await send());
      void message.success(done);
      form.resetFields();
      onClose();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const submit = async () => {
    const v = await form.validateFields();
    if (dialog.kind === 'deliver')
      return run(() => awardsApi.deliver(award.id, m!.id, { note: v.note, links: v.links ?? [] }), '交付物已提交，等待验收');
    if (dialog.kind === 'assign') return run(() => awardsApi.assign(award.id, m!.id, v.userIds), '已指派验收专家');
    if (dialog.kind === 'opinion')
      return run(
        () => awardsApi.opinion(award.id, m!.id, { verdict: v.verdict, score: v.score, opinion: v.opinion || undefined }),
        '验收意见已登记',
      );
    if (dialog.kind === 'eliminate')
      return modal.confirm({
        title: '确认淘汰该团队？',
        content: '淘汰后任务书结束，不能恢复；已付款项保留。',
        okButtonProps: { danger: true },
        onOk: () => run(() => awardsApi.eliminate(award.id, v.reason), '已淘汰'),
      });
    const amountFen = Math.round(Number(v.amountYuan) * 100);
    return modal.confirm({
      title: '确认登记付款？',
      content: `向${award.organizationName}就「${m!.name}」登记付款 ${formatReward(amountFen)}。付款登记后不能修改或删除。`,
      onOk: () =>
        run(
          () =>
            awardsApi.pay(award.id, { milestoneId: m!.id, amountFen, paidOn: v.paidOn, reference: v.reference, requestKey: requestKey() }),
          '付款已登记',
        ),
    });
  };
  const unpaidYuan = m ? (m.amountFen - m.paidFen) / 100 : 0;
  const titles = {
    deliver: '提交交付物',
    assign: '指派验收专家',
    opinion: '登记验收意见',
    pay: '登记付款',
    eliminate: '赛马淘汰',
  } as const;
  return (
    <Modal
      open
      title={`${titles[dialog.kind]}${m ? `：${m.seq}. ${m.name}` : ''}`}
      okText="提交"
      okButtonProps={{ loading: busy, danger: dialog.kind === 'eliminate' }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid={`award-dialog-${dialog.kind}`}
    >
      <Form form={form} layout="vertical" preserve={false}>
        {dialog.kind === 'deliver' && (
          <>
            <Typography.Paragraph type="secondary">应交付：{m!.deliverables}</Typography.Paragraph>
            <Form.Item name="note" label="交付说明" rules={[{ required: true, min: 2, max: 5000, message: '请填写交付说明（2–5000字）' }]}>
              <Input.TextArea rows={4} />
            </Form.Item>
            <Form.List name="links">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} wrap align="baseline">
                      <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: '请填写名称' }]}>
                        <Input placeholder="交付物名称" />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'url']}
                        rules={[{ required: true, pattern: /^https?:\/\/\S+$/i, message: '链接应以 http:// 或 https:// 开头' }]}
                      >
                        <Input placeholder="https://" />
                      </Form.Item>
                      <Button type="link" onClick={() => remove(f.name)}>
                        删除
                      </Button>
                    </Space>
                  ))}
                  {fields.length < 10 && <Button onClick={() => add()}>添加交付物链接</Button>}
                </>
              )}
            </Form.List>
          </>
        )}
        {dialog.kind === 'assign' && (
          <Form.Item name="userIds" label="验收专家" rules={[{ required: true, message: '请至少选择一位验收专家' }]}>
            <Select
              mode="multiple"
              loading={reviewers.isFetching}
              optionFilterProp="label"
              options={(reviewers.data ?? []).map((r) => ({ value: r.id, label: `${r.displayName}（${r.organizationName}）` }))}
            />
          </Form.Item>
        )}
        {dialog.kind === 'opinion' && (
          <>
            <Form.Item name="verdict" label="验收结论" rules={[{ required: true, message: '请选择验收结论' }]}>
              <Select options={Object.entries(ACCEPTANCE_VERDICT_LABELS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="score" label="评分（0–100）" rules={[{ required: true, message: '请填写评分' }]}>
              <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="opinion"
              label="验收意见"
              dependencies={['verdict']}
              rules={[
                ({ getFieldValue }) => ({ required: getFieldValue('verdict') !== 'pass', message: '有条件通过或不通过须填写验收意见' }),
              ]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        )}
        {dialog.kind === 'pay' && (
          <>
            <Typography.Paragraph type="secondary">该里程碑未付：{formatReward(m!.amountFen - m!.paidFen)}</Typography.Paragraph>
            <Form.Item name="amountYuan" label="付款金额（元）" rules={[{ required: true, message: '请填写付款金额' }]}>
              <InputNumber min={0.01} max={unpaidYuan} precision={2} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="paidOn"
              label="付款日期"
              rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式为 YYYY-MM-DD' }]}
            >
              <Input placeholder="2026-12-01" />
            </Form.Item>
            <Form.Item name="reference" label="付款凭证号" rules={[{ required: true, min: 2, max: 100, message: '请填写付款凭证号' }]}>
              <Input />
            </Form.Item>
          </>
        )}
        {dialog.kind === 'eliminate' && (
          <Form.Item
            name="reason"
            label="淘汰原因（将告知揭榜单位）"
            rules={[{ required: true, min: 2, max: 1000, message: '请填写淘汰原因' }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** One key per confirmed payment: a retried request is recorded once. */
const requestKey = () => `pay-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
