import { Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { OPENNESS_OPTIONS } from '../../shared/labels';
import { useMeta } from '../../shared/meta';
import { rules } from '../../shared/validators';
import { RegionItem, TechFieldsItem } from './SharedFields';

export function ScenarioNeedFields() {
  const meta = useMeta();
  return (
    <Row gutter={16}>
      <Col span={24}>
        <Form.Item
          label="场景描述"
          name="description"
          rules={[rules.required('场景描述'), rules.length('场景描述', 'listingDescription')]}
          extra="应用场景现状、痛点、拟解决的问题和建设内容，不少于20字。"
        >
          <Input.TextArea rows={6} maxLength={5000} showCount data-testid="sub-description" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="所属领域" name="sector" rules={[rules.choose('所属领域')]}>
          <Select options={meta.sectorOptions} placeholder="请选择" showSearch={{ optionFilterProp: 'label' }} data-testid="sub-sector" />
        </Form.Item>
      </Col>
      <TechFieldsItem />
      <Col xs={24} md={12}>
        <RegionItem label="场景所在地区" />
      </Col>
      <Col xs={24} sm={12} md={6}>
        <Form.Item label="预算下限" name="budgetMin" rules={[rules.range('预算下限（万元）', 'budget')]}>
          <InputNumber suffix="万元" style={{ width: '100%' }} data-testid="sub-budget-min" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} md={6}>
        <Form.Item
          label="预算上限"
          name="budgetMax"
          dependencies={['budgetMin']}
          rules={[
            rules.range('预算上限（万元）', 'budget'),
            ({ getFieldValue }) => ({
              validator: (_r, v: number | null | undefined) => {
                const min = getFieldValue('budgetMin') as number | null | undefined;
                return v == null || min == null || min <= v ? Promise.resolve() : Promise.reject(new Error('预算下限不能高于上限'));
              },
            }),
          ]}
        >
          <InputNumber suffix="万元" style={{ width: '100%' }} data-testid="sub-budget-max" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="数据开放" name="dataOpenness" rules={[rules.choose('数据开放程度')]}>
          <Radio.Group options={OPENNESS_OPTIONS} data-testid="sub-data-openness" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="场地开放" name="siteOpenness" rules={[rules.choose('场地开放程度')]}>
          <Radio.Group options={OPENNESS_OPTIONS} data-testid="sub-site-openness" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          label="预期成效"
          name="expectedOutcome"
          rules={[rules.required('预期成效'), rules.length('预期成效', 'expectedOutcome')]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="sub-expected-outcome" />
        </Form.Item>
      </Col>
    </Row>
  );
}
