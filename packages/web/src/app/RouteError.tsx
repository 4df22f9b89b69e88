import { Button, Result } from 'antd';

/**
 * Shown instead of React Router's English error page. The usual cause is a page chunk that no
 * longer exists because the app was updated while this tab was open: a reload fixes it.
 */
export default function RouteError() {
  return (
    <Result
      status="warning"
      title="页面加载失败"
      subTitle="系统可能刚刚更新，请刷新页面后重试。"
      extra={
        <Button type="primary" data-testid="route-error-reload" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}
