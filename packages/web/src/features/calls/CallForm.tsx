import { useQuery } from '@tanstack/react-query';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Radio, Row, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../shared/http';
import { callsApi, callsKeys } from './api';
import { LoadError } from '../../shared/components/LoadError';
import { PageHeader } from '../../shared/components/PageHeader';
import { FullPageSpin } from '../../app/RequireAuth';
import { applyServerErrors, type NamePath } from '../../shared/formErrors';
import { useUnsavedChangesPrompt } from '../../shared/hooks';
import { DEFAULT_CRITERIA } from '../../shared/labels';
import { useMeta } from '../../shared/meta';
import { fromPickerValue, toPickerValue } from '../../shared/time';
import type { CallInput, Criterion, ListType, ValidationDetail } from '../../shared/types';
import { rules } from '../../shared/validators';

interface Values {
  title: string;
  listType: ListType;
  description: string;
  period: [Dayjs, Dayjs];
  reviewScheme: { reviewersPerItem: number; blind: boolean; criteria: Criterion[] };
}

const defaults = (t: ListType): Criterion[] => DEFAULT_CRITERIA[t].map((c) => ({ ...c }));
const sameCriteria = (a: Criterion[] | undefined, b: Criterion[]) => JSON.stringify(a ?? []) === JSON.stringify(b);

const remap = (p: NamePath): NamePath =>
  p[0] === 'opensAt' || p[0] === 'closesAt' ? ['period'] : p.length === 1 && p[0] === 'reviewScheme' ? ['reviewScheme', 'criteria'] : p;

export default function CallForm() {
  const { id } = useParams();
  const editing = !!id;
  const meta = useMeta();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unmatched, setUnmatched] = useState<ValidationDetail[]>([]);
  const dirty = useRef(false);
  useUnsavedChangesPrompt(dirty);

  // Read once per visit (gcTime 0): the form holds what is being typed.
  const loaded = useQuery({ queryKey: callsKeys.detail(id ?? ''), queryFn: () => callsApi.call(id!), enabled: !!id, gcTime: 0 });
  useEffect(() => {
    const c = loaded.data;
    if (!c) return;
    form.setFieldsValue({
      title: c.title,
      listType: c.listType,
      description: c.description,
      period: [toPickerValue(c.opensAt), toPickerValue(c.closesAt)],
      reviewScheme: { ...c.reviewScheme, criteria: c.reviewScheme.criteria.map((x) => ({ ...x })) },
    });
    dirty.current = false;
  }, [loaded.data, form]);

  const criteria = Form.useWatch(['reviewScheme', 'criteria'], form) as Criterion[] | undefined;
  const sum = (criteria ?? []).reduce((a, c) => a + (Number(c?.weight) || 0), 0);

  const onValuesChange = (changed: Partial<Values>) => {
    dirty.current = true;
    if (changed.listType) {
      const other: ListType = changed.listType === 'capability' ? 'scenario_need' : 'capability';
      if (sameCriteria(form.getFieldValue(['reviewScheme', 'criteria']) as Criterion[], defaults(other))) {
        form.setFieldValue(['reviewScheme', 'criteria'], defaults(changed.listType));
      }
    }
  };

  const onFinish = async (v: Values) => {
    setBusy(true);
    setError(null);
    setUnmatched([]);
    const input: CallInput = {
      title: v.title.trim(),
      listType: v.listType,
      description: v.description.trim(),
      opensAt: fromPickerValue(v.period[0]),
      closesAt: fromPickerValue(v.period[1]),
      reviewScheme: {
        reviewersPerItem: v.reviewScheme.reviewersPerItem,
        blind: !!v.reviewScheme.blind,
        criteria: v.reviewScheme.criteria.map((c) => ({ key: c.key.trim(), name: c.name.trim(), weight: Number(c.weight) })),
      },
    };
    try {
      const saved = id ? await callsApi.updateCall(id, input) : await callsApi.createCall(input);
      dirty.current = false;
      void message.success(id ? '征集已保存' : `已创建征集「${saved.title}」（草稿）`);
      void navigate('/calls');
    } catch (e) {
      const rest = applyServerErrors(form, e, { remap });
      if (rest === null) setError(errorMessage(e));
      else setUnmatched(rest);
    } finally {
      setBusy(false);
    }
  };

  if (editing && loaded.isFetching && !loaded.data) return <FullPageSpin />;

  return (
    <div>
      <PageHeader
        title={editing ? '编辑征集' : '新建征集'}
        sub="新建的征集为草稿，可“计划开放”（到开始时间自动开放）或“立即开放”。时间为北京时间。"
      />
      <LoadError error={loaded.error} onRetry={() => void loaded.refetch()} />
      {error && (
        <Alert type="error" showIcon title="保存失败" description={error} style={{ marginBottom: 16 }} data-testid="call-form-error" />
      )}
      {unmatched.length > 0 && (
        <Alert
          type="error"
          showIcon
          title="请修改以下内容"
          description={unmatched.map((d) => d.message).join('；')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void onFinish(v)}
        onValuesChange={onValuesChange}
        scrollToFirstError
        initialValues={{
          listType: 'scenario_need',
          reviewScheme: { reviewersPerItem: 3, blind: false, criteria: defaults('scenario_need') },
        }}
      >
        <Card title="基本信息" style={{ marginBottom: 16 }}>
          <Form.Item label="征集名称" name="title" rules={[rules.required('征集名称'), rules.length('征集名称', 'callTitle')]}>
            <Input maxLength={100} showCount placeholder="如：2026年第一批人工智能应用场景需求征集" data-testid="call-title" />
          </Form.Item>
          <Form.Item label="清单类型" name="listType" rules={[rules.choose('清单类型')]}>
            <Radio.Group disabled={editing} data-testid="call-list-type">
              <Radio value="scenario_need">{meta.listType('scenario_need')}</Radio>
              <Radio value="capability">{meta.listType('capability')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item label="征集说明" name="description" rules={[rules.required('征集说明'), rules.length('征集说明', 'callDescription')]}>
            <Input.TextArea rows={6} maxLength={5000} showCount data-testid="call-description" />
          </Form.Item>
          <Form.Item
            label="征集时间（北京时间）"
            name="period"
            rules={[
              { required: true, message: '请选择开始和截止时间' },
              {
                validator: (_r, v: [Dayjs, Dayjs] | undefined) =>
                  !v || v[1].isAfter(v[0]) ? Promise.resolve() : Promise.reject(new Error('截止时间须晚于开始时间')),
              },
            ]}
          >
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" placeholder={['开始时间', '截止时间']} />
          </Form.Item>
        </Card>
        <Card title="评审方案" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                label="每项评审专家数"
                name={['reviewScheme', 'reviewersPerItem']}
                rules={[{ required: true, message: '请输入专家数' }, rules.range('每项评审专家数', 'reviewersPerItem')]}
              >
                <InputNumber precision={0} style={{ width: '100%' }} data-testid="call-reviewers" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="盲评（隐藏填报单位）" name={['reviewScheme', 'blind']} valuePropName="checked">
                <Switch checkedChildren="是" unCheckedChildren="否" data-testid="call-blind" />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Text strong>评审指标</Typography.Text>
          <Form.List
            name={['reviewScheme', 'criteria']}
            rules={[
              {
                validator: async (_r, list: Criterion[] | undefined) => {
                  const l = list ?? [];
                  if (l.length === 0) throw new Error('至少一项评审指标');
                  if (l.length > 10) throw new Error('评审指标不能超过10项');
                  const total = l.reduce((a, c) => a + (Number(c?.weight) || 0), 0);
                  if (total !== 100) throw new Error(`评审指标权重之和应为100（当前为${total}）`);
                  const keys = l.map((c) => c?.key);
                  if (new Set(keys).size !== keys.length) throw new Error('评审指标代码不能重复');
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <div style={{ marginTop: 8 }}>
                {fields.map((f) => (
                  // One row per criterion on a desktop; each field on its own line on a phone.
                  <Row key={f.key} gutter={12} align="top" data-testid={`criterion-${f.name}`}>
                    <Col xs={24} sm={7}>
                      <Form.Item
                        label="代码"
                        name={[f.name, 'key']}
                        rules={[{ required: true, message: '请输入代码' }, rules.criterionKey()]}
                      >
                        <Input placeholder="urgency" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={9}>
                      <Form.Item
                        label="名称"
                        name={[f.name, 'name']}
                        rules={[rules.required('名称'), rules.length('评审指标名称', 'criterionName')]}
                      >
                        <Input placeholder="需求迫切性" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={5}>
                      <Form.Item
                        label="权重"
                        name={[f.name, 'weight']}
                        rules={[{ required: true, message: '请输入权重' }, rules.range('权重', 'criterionWeight')]}
                      >
                        <InputNumber precision={0} suffix="%" style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={3}>
                      <Form.Item label={<span aria-hidden>&nbsp;</span>} colon={false}>
                        <Button
                          icon={<DeleteOutlined />}
                          onClick={() => remove(f.name)}
                          aria-label="删除指标"
                          disabled={fields.length <= 1}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Flex gap={12} align="center" wrap>
                  <Button
                    icon={<PlusOutlined />}
                    onClick={() => add({ key: '', name: '', weight: 10 })}
                    disabled={fields.length >= 10}
                    data-testid="criterion-add"
                  >
                    添加指标
                  </Button>
                  <Button
                    onClick={() => form.setFieldValue(['reviewScheme', 'criteria'], defaults(form.getFieldValue('listType') as ListType))}
                  >
                    恢复默认指标
                  </Button>
                  <Typography.Text type={sum === 100 ? 'success' : 'danger'} data-testid="criteria-sum">
                    权重合计：{sum} / 100
                  </Typography.Text>
                </Flex>
                <Form.ErrorList errors={errors} />
              </div>
            )}
          </Form.List>
        </Card>
        <Flex gap={12} justify="flex-end">
          <Button onClick={() => navigate('/calls')}>返回</Button>
          {/* Not a submit button: Enter in a field (e.g. confirming a date) must not save the call. */}
          <Button type="primary" onClick={() => form.submit()} loading={busy} data-testid="call-save">
            保存
          </Button>
        </Flex>
      </Form>
    </div>
  );
}
