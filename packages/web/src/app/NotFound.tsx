import { Result } from 'antd';
import { LinkButton } from '../shared/components/LinkButton';

export default function NotFound() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已移动。"
      extra={
        <LinkButton to="/" type="primary">
          返回工作台
        </LinkButton>
      }
    />
  );
}
