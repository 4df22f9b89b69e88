import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../shared/http';
import { useAuth } from './auth';
import { FullPageSpin } from '../../app/RequireAuth';

interface Values {
  email: string;
  password: string;
}

/** Only same-site paths are followed after login. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function Login() {
  const { user, loading, login } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ title: string; text: string } | null>(null);
  const next = safeNext(params.get('next'));

  if (loading) return <FullPageSpin />;
  if (user && !busy) return <Navigate to={next} replace />;

  const onFinish = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await login(v.email.trim(), v.password);
      void navigate(next, { replace: true });
    } catch (e) {
      // A throttled account answers like a wrong password (so nobody learns it exists): no lock title.
      const title = e instanceof ApiError && e.code === 'RATE_LIMITED' ? '请求过于频繁' : '登录失败';
      setError({ title, text: errorMessage(e) });
      setBusy(false);
    }
  };

  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', padding: 16 }}>
      <Card style={{ width: 400, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          场景桥
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          人工智能场景创新服务平台
        </Typography.Paragraph>
        {params.get('expired') && !error && (
          <Alert type="info" showIcon title="登录已过期，请重新登录" style={{ marginBottom: 16 }} data-testid="login-expired" />
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            title={error.title}
            description={error.text}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        )}
        <Form<Values> layout="vertical" onFinish={(v) => void onFinish(v)} requiredMark={false}>
          <Form.Item
            label="电子邮箱"
            name="email"
            rules={[
              { required: true, message: '请输入电子邮箱' },
              { type: 'email', message: '请输入有效的电子邮箱' },
            ]}
          >
            <Input prefix={<MailOutlined />} autoComplete="username" data-testid="login-email" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            登录
          </Button>
        </Form>
        <div style={{ marginTop: 16, textAlign: 'center' }}>
          还没有账号？
          <Link to="/register" data-testid="go-register">
            机构注册
          </Link>
        </div>
        <div style={{ marginTop: 8, textAlign: 'center' }}>
          {/* The public portal is server-rendered, outside the single-page app: a plain link. */}
          <Typography.Link href="/public" data-testid="go-portal">
            不登录，浏览公开发布的场景清单（门户）
          </Typography.Link>
        </div>
      </Card>
    </Flex>
  );
}
