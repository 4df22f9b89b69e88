import { Card, Col, Form, Input, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useMeta } from '../../shared/meta';
import { rules } from '../../shared/validators';
import { NATURAL_PERSON, NATURE_GROUPS } from './vocab';

/** 买方 or 卖方: name, 统一社会信用代码 (check character verified as typed), GB/T 2260 region, 法人性质. */
export function PartyFields({ side, title, extra }: { side: 'buyer' | 'seller'; title: string; extra?: React.ReactNode }) {
  const meta = useMeta();
  const who = side === 'buyer' ? '买方' : '卖方';
  const tid = (f: string) => `contract-field-${side}-${f}`;
  const form = Form.useFormInstance();
  const person = Form.useWatch([side, 'natureCode'], form) === NATURAL_PERSON;
  useEffect(() => {
    // A natural person has no credit code (and no ID number is stored).
    if (person) form.setFieldValue([side, 'creditCode'], '');
  }, [person, form, side]);
  return (
    <Card title={title} extra={extra} style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name={[side, 'name']} label={person ? `${who}姓名` : `${who}名称`} rules={[rules.required(`${who}名称`)]}>
            <Input maxLength={200} data-testid={tid('name')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={[side, 'creditCode']}
            label="统一社会信用代码"
            dependencies={[[side, 'natureCode']]}
            normalize={(v: string) => v?.toUpperCase()}
            extra={person ? '自然人不填写统一社会信用代码' : undefined}
            rules={person ? [] : [rules.required('统一社会信用代码'), rules.creditCode()]}
          >
            <Input
              maxLength={18}
              disabled={person}
              style={{ fontFamily: 'monospace' }}
              placeholder={person ? '—' : '18位'}
              data-testid={tid('creditCode')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[side, 'regionCode']} label="所在地区（GB/T 2260）" rules={[rules.choose('所在地区')]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="选择行政区划"
              loading={meta.loading}
              options={meta.regionOptions.map((o) => ({ value: o.value, label: `${o.label}（${o.value}）` }))}
              data-testid={tid('regionCode')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[side, 'natureCode']} label="法人性质" rules={[rules.choose('法人性质')]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="选择法人性质"
              options={NATURE_GROUPS}
              data-testid={tid('natureCode')}
            />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
