import { DeleteOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { applyServerErrors } from '../../shared/formErrors';
import { errorMessage } from '../../shared/http';
import { useIsPhone } from '../../shared/responsive';
import { POLICY_SUPPORT_TYPE_LABELS, policiesApi, type MeasurePatch, type PolicyDetail, type PolicyMeasureJson } from './api';
import { ConditionsEditor } from './ConditionsEditor';
import { TERM_TYPE_LABELS } from './format';
import { correctionBody, measureFormValues, type MeasureFormValues } from './measure-form';
import { measureTitle } from './MeasureTree';

const SUPPORT_OPTIONS = Object.entries(POLICY_SUPPORT_TYPE_LABELS).map(([value, label]) => ({ value, label }));
const TERM_OPTIONS = Object.entries(TERM_TYPE_LABELS).map(([value, label]) => ({ value, label }));

interface Props {
  policy: Pick<PolicyDetail, 'id' | 'version' | 'sourceText'>;
  measure: PolicyMeasureJson;
  open: boolean;
  /** The latest selection in the source pane (seq changes per selection): it becomes a new term's span. */
  picked: { span: { start: number; end: number }; seq: number } | null;
  onClose: () => void;
  onSaved: () => void;
}

/** 修正: the operator corrects one measure's reading; the server records before/after in the audit log. */
export function MeasureDrawer({ policy, measure, open, picked, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const phone = useIsPhone();
  const [form] = Form.useForm<MeasureFormValues>();
  const initial = useMemo(() => measureFormValues(measure, policy.sourceText), [measure, policy.sourceText]);
  const [error, setError] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open || !picked) return;
    const terms = (form.getFieldValue('terms') as MeasureFormValues['terms'] | undefined) ?? [];
    const text = policy.sourceText.slice(picked.span.start, picked.span.end);
    form.setFieldValue('terms', [...terms, { type: 'amount', value: '', unit: '万元', qualifier: '', span: picked.span, text }]);
  }, [picked, open, form, policy.sourceText]);

  const save = async (values: MeasureFormValues) => {
    const changes = correctionBody(initial, values);
    const body: MeasurePatch = { version: policy.version, ...changes };
    if (Object.keys(changes).filter((k) => k !== 'reason').length === 0) {
      setError(['没有修改任何内容']);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await policiesApi.correctMeasure(policy.id, measure.id, body);
      void message.success('已保存修正');
      onSaved();
    } catch (e) {
      const unmatched = applyServerErrors(form, e);
      setError(
        unmatched === null || unmatched.length > 0
          ? [errorMessage(e), ...(unmatched ?? []).map((d) => `${d.path}：${d.message}`)]
          : [errorMessage(e)],
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      placement="left"
      mask={false}
      size={phone ? '100%' : 600}
      title={`修正措施：${measure.marker}${measureTitle(measure, policy.sourceText)}`}
      destroyOnHidden
      extra={
        <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="measure-save">
          保存修正
        </Button>
      }
      data-testid="measure-drawer"
    >
      {error && (
        <Alert
          type="error"
          showIcon
          title={error[0]}
          description={error.length > 1 ? error.slice(1).join('；') : undefined}
          style={{ marginBottom: 12 }}
          data-testid="measure-error"
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        // Spans are held in the form with no field of their own: take every value, not only the fields'.
        onFinish={() => void save(form.getFieldsValue(true) as MeasureFormValues)}
      >
        <Form.Item name="heading" label="标题">
          <Input maxLength={500} />
        </Form.Item>
        <Space wrap style={{ width: '100%' }}>
          <Form.Item name="supportType" label="支持方式">
            <Select
              options={SUPPORT_OPTIONS}
              style={{ width: 160 }}
              allowClear
              placeholder="选择支持方式"
              data-testid="measure-support-type"
            />
          </Form.Item>
          <Form.Item
            name="deadlineOn"
            label="截止日期"
            getValueProps={(v: string | null | undefined) => ({ value: v ? dayjs(v) : undefined })}
            normalize={(d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null)}
          >
            <DatePicker style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Form.Item name="leadUnit" label="牵头单位">
          <Input maxLength={200} allowClear />
        </Form.Item>
        <Form.Item name="responsibleUnits" label="责任单位">
          <Select mode="tags" open={false} placeholder="输入后回车添加" tokenSeparators={['、', '，']} data-testid="measure-units" />
        </Form.Item>
        <Form.Item name="beneficiaries" label="受益对象">
          <Select mode="tags" open={false} placeholder="输入后回车添加" tokenSeparators={['、', '，']} />
        </Form.Item>
        <Typography.Title level={5}>量化条款</Typography.Title>
        <Typography.Paragraph type="secondary">
          条款的原文位置不能直接修改：在右侧原文中选中文字，即新增一条以所选文字为依据的条款。
        </Typography.Paragraph>
        <TermsTable />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          申报条件（结构化）
        </Typography.Title>
        <ConditionsEditor />
        <Form.Item name="reason" label="修正说明（可选）" style={{ marginTop: 16 }}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

function TermsTable() {
  return (
    <Form.List name="terms">
      {(fields, { remove }) => (
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={fields}
          scroll={{ x: 600 }}
          data-testid="terms-table"
          locale={{ emptyText: '没有条款' }}
          columns={[
            {
              title: '类型',
              width: 112,
              render: (_v, f) => (
                <Form.Item name={[f.name, 'type']} noStyle>
                  <Select options={TERM_OPTIONS} style={{ width: 104 }} aria-label="条款类型" />
                </Form.Item>
              ),
            },
            {
              title: '数值',
              width: 88,
              render: (_v, f) => (
                <Form.Item name={[f.name, 'value']} noStyle rules={[{ required: true, message: '请填写数值' }]}>
                  <Input style={{ width: 80 }} aria-label="数值" />
                </Form.Item>
              ),
            },
            {
              title: '单位',
              width: 68,
              render: (_v, f) => (
                <Form.Item name={[f.name, 'unit']} noStyle>
                  <Input style={{ width: 60 }} aria-label="单位" />
                </Form.Item>
              ),
            },
            {
              title: '限定',
              width: 104,
              render: (_v, f) => (
                <Form.Item name={[f.name, 'qualifier']} noStyle>
                  <Input style={{ width: 96 }} aria-label="限定" />
                </Form.Item>
              ),
            },
            {
              title: '原文',
              render: (_v, f) => (
                <Form.Item noStyle shouldUpdate>
                  {({ getFieldValue }) => {
                    const t = getFieldValue(['terms', f.name]) as MeasureFormValues['terms'][number] | undefined;
                    return (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        “{t?.text}”{' '}
                        <span style={{ whiteSpace: 'nowrap' }}>
                          [{t?.span.start}–{t?.span.end}]
                        </span>
                      </Typography.Text>
                    );
                  }}
                </Form.Item>
              ),
            },
            {
              title: '',
              width: 44,
              render: (_v, f) => (
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除条款" />
              ),
            },
          ]}
        />
      )}
    </Form.List>
  );
}
