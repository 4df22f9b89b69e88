import { Col, Form, Select } from 'antd';
import { PICK_LIMITS } from '@scenebridge/contract/forms';
import { useMeta } from '../../shared/meta';
import { rules } from '../../shared/validators';

/** Technology fields (1–5), the same on scenario needs and capabilities. */
export function TechFieldsItem() {
  const meta = useMeta();
  return (
    <Col xs={24} md={12}>
      <Form.Item
        label="技术领域"
        name="techFields"
        rules={rules.pick('技术领域', 'techFields')}
        extra={`最多选择${PICK_LIMITS.techFields[1]}个`}
      >
        <Select
          mode="multiple"
          maxCount={PICK_LIMITS.techFields[1]}
          options={meta.techFieldOptions}
          placeholder="请选择"
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="sub-tech-fields"
        />
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
