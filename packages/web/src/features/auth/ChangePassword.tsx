import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../shared/http';
import { authApi } from './api';
import { PageHeader } from '../../shared/components/PageHeader';
import { applyServerErrors } from '../../shared/formErrors';
import { rules } from '../../shared/validators';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function ChangePassword() {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const onFinish = async (v: Values) => {
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await authApi.changePassword(v.currentPassword, v.newPassword);
      form.resetFields();
      setDone(true);
      void message.success('密码已修改');
    } catch (e) {
      const rest = applyServerErrors(form, e, { codeFields: { WRONG_PASSWORD: ['currentPassword'] } });
      if (rest === null || rest.length > 0) setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <PageHeader title="修改密码" />
      <Card style={{ maxWidth: 520 }}>
        {done && (
          <Alert
            type="success"
            showIcon
            title="密码已修改，下次登录请使用新密码"
            style={{ marginBottom: 16 }}
            data-testid="password-done"
          />
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="password-error" />}
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void onFinish(v)}>
          <Form.Item label="当前密码" name="currentPassword" rules={[rules.required('当前密码')]}>
            <Input.Password autoComplete="current-password" data-testid="password-current" />
          </Form.Item>
          <Form.Item
            label="新密码"
            name="newPassword"
            rules={[rules.required('新密码'), rules.password()]}
            extra="至少10位，须同时包含字母和数字；不能是常见或易猜的密码，不能包含邮箱用户名"
          >
            <Input.Password autoComplete="new-password" data-testid="password-new" />
          </Form.Item>
          <Form.Item
            label="确认新密码"
            name="confirm"
            dependencies={['newPassword']}
            rules={[
              rules.required('新密码', '请再次输入'),
              ({ getFieldValue }) => ({
                validator: (_r, v: unknown) =>
                  !v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-confirm" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="password-submit">
            修改密码
          </Button>
        </Form>
      </Card>
    </div>
  );
}
