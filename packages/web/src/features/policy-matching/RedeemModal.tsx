import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../shared/formErrors';
import { errorMessage } from '../../shared/http';
import { parseYuanToFen } from '../deals/money';
import { policyMatchingApi, type RedemptionJson } from './api';

interface Values {
  amount: string;
  note?: string;
}

/** 兑现登记: the amount granted, typed in 元 and sent in 分. */
export function RedeemModal({ row, onClose, onDone }: { row: RedemptionJson | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ok = async () => {
    if (!row) return;
    const v = await form.validateFields();
    const fen = parseYuanToFen(v.amount);
    if (fen === null) return;
    setBusy(true);
    setError(null);
    try {
      await policyMatchingApi.redeem(row.id, fen, v.note?.trim() || undefined);
      form.resetFields();
      onDone();
    } catch (e) {
      const rest = applyServerErrors(form, e, { remap: (p) => (p[0] === 'amountFen' ? ['amount'] : p) });
      setError(rest === null ? errorMessage(e) : rest.length > 0 ? rest.map((d) => d.message).join('；') : null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={row !== null}
      title="兑现登记"
      okText="登记"
      cancelText="取消"
      okButtonProps={{ loading: busy, 'data-testid': 'redeem-ok' }}
      onOk={() => void ok().catch(() => undefined)}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {row && <p>{row.organization.name}</p>}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="amount"
          label="兑现金额（元）"
          rules={[
            { required: true, whitespace: true, message: '请填写兑现金额' },
            {
              validator: (_r, v?: string) =>
                !v || parseYuanToFen(v) !== null ? Promise.resolve() : Promise.reject(new Error('请填写金额，最多两位小数')),
            },
          ]}
        >
          <Input inputMode="decimal" suffix="元" placeholder="例如 200000" data-testid="redeem-amount" />
        </Form.Item>
        <Form.Item name="note" label="备注" rules={[{ max: 500, message: '备注不能超过500字' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="拨付文号、到账日期等" data-testid="redeem-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
