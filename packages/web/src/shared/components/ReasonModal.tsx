import { Alert, Form, Input, Modal } from 'antd';
import { TEXT_MAX } from '@scenebridge/contract/forms';
import { rules } from '../validators';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../http';

interface Props {
  open: boolean;
  title: string;
  label?: string;
  okText?: string;
  danger?: boolean;
  /** Shown above the reason field (what is about to happen). */
  description?: ReactNode;
  /** Resolves to close the modal; a thrown error is shown inside it. */
  onSubmit: (reason: string) => Promise<void>;
  onCancel: () => void;
}

/** Asks for a required reason before a destructive transition (驳回、退回修改、取消…). */
export function ReasonModal({ open, title, label = '原因', okText = '确定', danger = true, description, onSubmit, onCancel }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const ok = async () => {
    const { reason } = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(reason.trim());
      form.resetFields();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="取消"
      okButtonProps={{ danger, loading: busy, 'data-testid': 'reason-confirm' }}
      cancelButtonProps={{ 'data-testid': 'reason-cancel' }}
      onOk={() => void ok().catch(() => undefined)}
      onCancel={() => {
        form.resetFields();
        setError(null);
        onCancel();
      }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="reason-error" />}
      {description && <div style={{ marginBottom: 12 }}>{description}</div>}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={label}
          rules={[
            { required: true, whitespace: true, message: `请填写${label}` },
            rules.maxLength(label, 'reason', `${label}不能超过${TEXT_MAX.reason}字`),
          ]}
        >
          <Input.TextArea
            rows={4}
            showCount
            maxLength={TEXT_MAX.reason}
            data-testid="reason-input"
            placeholder={`请填写${label}，将告知相关单位`}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
