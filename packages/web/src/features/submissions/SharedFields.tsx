import { Col, Form, Select } from 'antd';
import { useMeta } from '../../shared/meta';
import { rules } from '../../shared/validators';

/** Technology fields (1–5), the same on scenario needs and capabilities. */
export function TechFieldsItem() {
  const meta = useMeta();
  return (
    <Col xs={24} md={12}>
      <Form.Item label="技术领域" name="techFields" rules={[{ required: true, type: 'array', min: 1, message: '至少选择一个技术领域' }, { type: 'array', max: 5, message: '技术领域最多5个' }]} extra="最多选择5个">
        <Select mode="multiple" maxCount={5} options={meta.techFieldOptions} placeholder="请选择" showSearch={{ optionFilterProp: 'label' }} data-testid="sub-tech-fields" />
      </Form.Item>
    </Col>
  );
}

export function RegionItem({ label }: { label: string }) {
  const meta = useMeta();
  return (
    <Form.Item label={label} name="regionCode" rules={[rules.choose(label)]}>
      <Select options={meta.regionOptions} placeholder="请选择" showSearch={{ optionFilterProp: 'label' }} data-testid="sub-region" />
    </Form.Item>
  );
}
