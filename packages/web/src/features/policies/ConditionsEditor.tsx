import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, InputNumber, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import {
  POLICY_CONDITION_LABELS,
  POLICY_QUALIFICATION_LABELS,
  REVENUE_BANDS,
  type PolicyConditionKind,
} from '@scenebridge/domain/policies/conditions';
import { useMeta } from '../../shared/meta';

const KIND_OPTIONS = Object.entries(POLICY_CONDITION_LABELS).map(([value, label]) => ({ value, label }));
const QUALIFICATION_OPTIONS = Object.entries(POLICY_QUALIFICATION_LABELS).map(([value, label]) => ({ value, label }));
const BAND_OPTIONS = REVENUE_BANDS.map((b) => ({ value: b.code, label: b.label }));

/** A date field kept as YYYY-MM-DD in the form, as the API takes it. */
function DateField({ name, label }: { name: Array<string | number>; label: string }) {
  return (
    <Form.Item
      name={name}
      label={label}
      getValueProps={(v: string | undefined) => ({ value: v ? dayjs(v) : undefined })}
      normalize={(d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined)}
    >
      <DatePicker style={{ width: 160 }} />
    </Form.Item>
  );
}

function Params({ kind, name }: { kind: PolicyConditionKind | undefined; name: number }) {
  const meta = useMeta();
  const multi = (field: string, label: string, options: Array<{ value: string; label: string }>, tags = false) => (
    <Form.Item name={[name, field]} label={label} rules={[{ required: true, message: `请至少选择一个${label}` }]}>
      <Select mode={tags ? 'tags' : 'multiple'} options={options} optionFilterProp="label" placeholder={`选择${label}`} />
    </Form.Item>
  );
  const num = (field: string, label: string, props: { min?: number; max?: number; precision?: number } = {}) => (
    <Form.Item name={[name, field]} label={label}>
      <InputNumber {...props} style={{ width: 140 }} />
    </Form.Item>
  );
  switch (kind) {
    case 'organization_kind':
      return multi('kinds', '机构类型', meta.kindOptions);
    case 'region':
      return multi('regionCodes', '地区', meta.regionOptions, true);
    case 'qualification':
      return (
        <>
          {multi('codes', '资质', QUALIFICATION_OPTIONS, true)}
          <Form.Item name={[name, 'match']} label="满足方式" initialValue="all">
            <Select
              style={{ width: 200 }}
              options={[
                { value: 'all', label: '全部具备' },
                { value: 'any', label: '具备其一即可' },
              ]}
            />
          </Form.Item>
        </>
      );
    case 'employees':
      return (
        <Space wrap>
          {num('min', '人数下限', { min: 0, precision: 0 })}
          {num('max', '人数上限', { min: 0, precision: 0 })}
        </Space>
      );
    case 'revenue_band':
      return multi('bands', '营业收入区间', BAND_OPTIONS);
    case 'rd_share':
      return num('minPercent', '研发投入占比不低于（%）', { min: 0, max: 100, precision: 2 });
    case 'sector':
      return multi('sectors', '行业', meta.sectorOptions);
    case 'founded_within_years':
      return num('years', '成立不超过（年）', { min: 1, max: 100, precision: 0 });
    case 'founded_before':
      return <DateField name={[name, 'date']} label="在此日期前成立" />;
    case 'date_window':
      return (
        <Space wrap>
          <DateField name={[name, 'from']} label="开始日期" />
          <DateField name={[name, 'to']} label="截止日期" />
        </Space>
      );
    case 'not_dishonest':
      return <Typography.Text type="secondary">无需参数：要求没有失信记录。</Typography.Text>;
    default:
      return null;
  }
}

function ConditionCard({ name, onRemove }: { name: number; onRemove: () => void }) {
  const kind = Form.useWatch(['conditions', name, 'kind']) as PolicyConditionKind | undefined;
  return (
    <Card
      size="small"
      style={{ marginBottom: 8 }}
      data-testid="condition-card"
      title={
        <Form.Item name={[name, 'kind']} noStyle rules={[{ required: true, message: '请选择条件类型' }]}>
          <Select options={KIND_OPTIONS} placeholder="条件类型" style={{ width: 180 }} aria-label="条件类型" data-testid="condition-kind" />
        </Form.Item>
      }
      extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label="删除条件" />}
    >
      <Params kind={kind} name={name} />
    </Card>
  );
}

/** 结构化条件 (domain policyConditionSchema): all must hold; organisations are matched against them. */
export function ConditionsEditor() {
  return (
    <Form.List name="conditions">
      {(fields, { add, remove }) => (
        <div data-testid="conditions-editor">
          {fields.map((f) => (
            <ConditionCard key={f.key} name={f.name} onRemove={() => remove(f.name)} />
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="condition-add">
            添加条件
          </Button>
        </div>
      )}
    </Form.List>
  );
}
