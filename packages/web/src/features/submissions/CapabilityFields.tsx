import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { PICK_LIMITS, TEXT_MAX } from '@scenebridge/contract/forms';
import { TRL_LABELS } from '../../shared/labels';
import { useMeta } from '../../shared/meta';
import { rules } from '../../shared/validators';
import { RegionItem, TechFieldsItem } from './SharedFields';

const TRL_OPTIONS = Object.entries(TRL_LABELS).map(([k, v]) => ({ value: Number(k), label: v }));

export function CapabilityFields() {
  const meta = useMeta();
  return (
    <Row gutter={16}>
      <Col span={24}>
        <Form.Item
          label="能力描述"
          name="description"
          rules={[rules.required('能力描述'), rules.length('能力描述', 'listingDescription')]}
          extra="产品或解决方案的功能、技术路线、优势和适用场景，不少于20字。"
        >
          <Input.TextArea rows={6} maxLength={5000} showCount data-testid="sub-description" />
        </Form.Item>
      </Col>
      <TechFieldsItem />
      <Col xs={24} md={12}>
        <Form.Item label="服务领域" name="sectors" rules={rules.pick('服务领域', 'sectors')} extra={`最多选择${PICK_LIMITS.sectors[1]}个`}>
          <Select
            mode="multiple"
            maxCount={PICK_LIMITS.sectors[1]}
            options={meta.sectorOptions}
            placeholder="请选择"
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="sub-sectors"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="技术成熟度（TRL）" name="maturityTrl" rules={[rules.choose('技术成熟度')]}>
          <Select options={TRL_OPTIONS} placeholder="请选择1–9级" data-testid="sub-trl" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <RegionItem label="所在地区" />
      </Col>
      <Col span={24}>
        <Form.Item label="应用案例" required={false}>
          <Form.List name="referenceCases">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Card
                    key={f.key}
                    size="small"
                    title={`案例 ${i + 1}`}
                    style={{ marginBottom: 12 }}
                    data-testid={`sub-case-${i}`}
                    extra={
                      <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)}>
                        删除
                      </Button>
                    }
                  >
                    <Row gutter={12}>
                      <Col xs={24} md={10}>
                        <Form.Item
                          label="案例名称"
                          name={[f.name, 'title']}
                          rules={[rules.required('案例名称'), rules.length('案例名称', 'caseTitle')]}
                        >
                          <Input maxLength={100} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={9}>
                        <Form.Item label="客户单位" name={[f.name, 'client']} rules={[rules.maxLength('', 'caseClient')]}>
                          <Input maxLength={TEXT_MAX.caseClient} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={5}>
                        <Form.Item label="年份" name={[f.name, 'year']} rules={[rules.range('年份', 'caseYear')]}>
                          <InputNumber precision={0} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col span={24}>
                        <Form.Item
                          label="案例简介"
                          name={[f.name, 'summary']}
                          rules={[rules.required('案例简介'), rules.length('案例简介', 'caseSummary')]}
                        >
                          <Input.TextArea rows={3} maxLength={1000} showCount />
                        </Form.Item>
                      </Col>
                    </Row>
                  </Card>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= 10} data-testid="sub-case-add">
                  添加应用案例
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      </Col>
    </Row>
  );
}
