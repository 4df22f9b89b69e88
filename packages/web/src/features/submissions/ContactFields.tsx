import { Col, Form, Input, Row, Switch } from 'antd';
import { rules } from '../../shared/validators';

/** contact: {name, phone, email?, public} — shared by both list types. */
export function ContactFields() {
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item label="联系人" name={['contact', 'name']} rules={[rules.required('联系人'), rules.length('联系人', 'personName')]}>
          <Input maxLength={30} data-testid="sub-contact-name" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="联系电话" name={['contact', 'phone']} rules={[rules.required('联系电话'), rules.phone()]}>
          <Input maxLength={20} placeholder="手机号或 023-63891234" data-testid="sub-contact-phone" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="电子邮箱" name={['contact', 'email']} rules={[rules.email()]}>
          <Input data-testid="sub-contact-email" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          label="公开联系方式"
          name={['contact', 'public']}
          valuePropName="checked"
          extra="开启后，清单发布时将公开联系人和联系电话；关闭则由运营方居间联系。"
        >
          <Switch checkedChildren="公开" unCheckedChildren="不公开" data-testid="sub-contact-public" />
        </Form.Item>
      </Col>
    </Row>
  );
}
