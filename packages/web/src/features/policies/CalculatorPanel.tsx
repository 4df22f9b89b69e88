import { Alert, App, Button, Card, Form, InputNumber, List, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../shared/http';
import { policiesApi, type CalculateInputValue, type CalculationResult, type PolicyDetail, type PolicyMeasureJson } from './api';
import {
  asDefinition,
  CALCULATOR_KIND_LABELS,
  describeCalculator,
  type CalculatorDefinition,
  type CalculatorInputDef,
} from './calculator-words';
import { formatFenWan, formatFenYuan } from './format';
import { clauseAround } from './spans';

type Span = { start: number; end: number };
type MoneyUnit = '元' | '万元';

interface Props {
  policy: Pick<PolicyDetail, 'id' | 'status' | 'version' | 'sourceText'>;
  measure: PolicyMeasureJson;
  canManage: boolean;
  /** Highlights a step's words in the source pane (null clears it). */
  onShowSpan: (span: Span | null) => void;
  onChanged: () => void;
}

/** 测算器: the operator checks and confirms the proposal; anyone computes with a confirmed one on a published policy. */
export function CalculatorPanel({ policy, measure, canManage, onShowSpan, onChanged }: Props) {
  const calc = measure.calculator;
  const definition = calc ? asDefinition(calc.definition) : null;
  if (!calc || !definition) return null;
  const usable = calc.status === 'confirmed' && policy.status === 'published';
  if (!canManage && !usable) return null;
  return (
    <Card size="small" title={definition.title ?? '支持金额测算'} style={{ marginTop: 8 }} data-testid="calculator-panel">
      {canManage && (
        <Proposal policy={policy} measure={measure} definition={definition} notes={calc.notes} status={calc.status} onChanged={onChanged} />
      )}
      {usable && <CalculatorForm policy={policy} measure={measure} definition={definition} onShowSpan={onShowSpan} />}
    </Card>
  );
}

function Proposal({
  policy,
  measure,
  definition,
  notes,
  status,
  onChanged,
}: {
  policy: Props['policy'];
  measure: PolicyMeasureJson;
  definition: CalculatorDefinition;
  notes: string[];
  status: 'proposed' | 'confirmed';
  onChanged: () => void;
}) {
  const { message, modal } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const confirm = () =>
    modal.confirm({
      title: '确认测算器',
      content: '确认后，政策发布期间任何人都可以用它测算支持金额。请先对照原文核对比例、分档和上限。',
      okText: '确认',
      cancelText: '取消',
      okButtonProps: { 'data-testid': 'calculator-confirm-ok' },
      onOk: async () => {
        setError(null);
        try {
          await policiesApi.confirmCalculator(policy.id, measure.id, policy.version);
          void message.success('测算器已确认');
          onChanged();
        } catch (e) {
          setError(errorMessage(e));
        }
      },
    });
  return (
    <div data-testid="calculator-proposal" style={{ marginBottom: 12 }}>
      <Space wrap style={{ marginBottom: 4 }}>
        <Tag color={status === 'confirmed' ? 'green' : 'gold'}>{status === 'confirmed' ? '已确认' : '待确认'}</Tag>
        <Typography.Text strong>{CALCULATOR_KIND_LABELS[definition.kind]}</Typography.Text>
      </Space>
      {describeCalculator(definition).map((line, i) => (
        <div key={i} style={{ paddingLeft: i > 0 && definition.kind === 'tiered' ? 12 : 0 }}>
          {line}
        </div>
      ))}
      {definition.inputs.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
          需填写：{definition.inputs.map((i) => i.label).join('、')}
        </Typography.Paragraph>
      )}
      {notes.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="请核对"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          }
          style={{ margin: '8px 0' }}
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="calculator-error" />}
      {status === 'proposed' && policy.status !== 'withdrawn' && (
        <Button type="primary" onClick={confirm} data-testid="calculator-confirm">
          确认测算器
        </Button>
      )}
    </div>
  );
}

const quote = (text: string, span: Span) => {
  const c = clauseAround(text, span);
  return text.slice(c.start, c.end).trim();
};

type FormValues = Record<string, number | boolean | null | undefined>;

function InputField({ input, unit, onUnit }: { input: CalculatorInputDef; unit: MoneyUnit; onUnit: (u: MoneyUnit) => void }) {
  if (input.type === 'flag')
    return (
      <Form.Item name={input.key} label={input.label} valuePropName="checked" initialValue={false}>
        <Switch checkedChildren="是" unCheckedChildren="否" data-testid={`calc-input-${input.key}`} />
      </Form.Item>
    );
  const money = input.type === 'money';
  return (
    <Form.Item label={input.label}>
      <Space.Compact style={{ width: '100%', maxWidth: 320 }}>
        <Form.Item name={input.key} noStyle>
          <InputNumber
            min={0}
            precision={money ? undefined : 0}
            style={{ width: '100%' }}
            aria-label={input.label}
            data-testid={`calc-input-${input.key}`}
          />
        </Form.Item>
        {money ? (
          <Select
            value={unit}
            onChange={onUnit}
            style={{ width: 86 }}
            options={[{ value: '元' }, { value: '万元' }]}
            aria-label={`${input.label}的单位`}
          />
        ) : (
          <Button disabled>{input.unit}</Button>
        )}
      </Space.Compact>
    </Form.Item>
  );
}

function CalculatorForm({
  policy,
  measure,
  definition,
  onShowSpan,
}: {
  policy: Props['policy'];
  measure: PolicyMeasureJson;
  definition: CalculatorDefinition;
  onShowSpan: Props['onShowSpan'];
}) {
  const [form] = Form.useForm<FormValues>();
  const [units, setUnits] = useState<Record<string, MoneyUnit>>(() =>
    Object.fromEntries(definition.inputs.filter((i) => i.type === 'money').map((i) => [i.key, (i.unit as MoneyUnit) ?? '万元'])),
  );
  const [result, setResult] = useState<CalculationResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<number | null>(null);

  const submit = async (values: FormValues) => {
    const inputs: Record<string, CalculateInputValue> = {};
    for (const i of definition.inputs) {
      const v = values[i.key];
      if (i.type === 'flag') inputs[i.key] = !!v;
      else if (typeof v === 'number') inputs[i.key] = i.type === 'money' ? { value: v, unit: units[i.key] ?? '万元' } : v;
    }
    setBusy(true);
    setError(null);
    try {
      setResult(await policiesApi.calculate(policy.id, measure.id, inputs));
      setShown(null);
      onShowSpan(null);
    } catch (e) {
      setResult(null);
      // The server names each missing or wrong figure; an input only some cases need is not required here.
      const details = e instanceof ApiError ? e.fieldErrors.map((d) => d.message) : [];
      setError([errorMessage(e), ...details].filter((m, i, all) => all.indexOf(m) === i).join('；'));
    } finally {
      setBusy(false);
    }
  };

  const show = (i: number, span: Span | null) => {
    setShown(i);
    onShowSpan(span);
  };

  return (
    <div data-testid="calculator-form">
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        {definition.inputs.map((i) => (
          <InputField key={i.key} input={i} unit={units[i.key] ?? '万元'} onUnit={(u) => setUnits((s) => ({ ...s, [i.key]: u }))} />
        ))}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="calculator-run">
          测算
        </Button>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="calculator-run-error" />}
      {result && (
        <div style={{ marginTop: 12 }} data-testid="calculator-result">
          <Typography.Text type="secondary">测算金额（最高可得）</Typography.Text>
          <div style={{ fontSize: 22, fontWeight: 600 }} data-testid="calculator-amount">
            {formatFenYuan(result.amountFen)}
          </div>
          <Typography.Text type="secondary">合 {formatFenWan(result.amountFen)}</Typography.Text>
          {result.uncappedFen !== result.amountFen && (
            <div>
              <Typography.Text type="warning">按比例计算为 {formatFenYuan(result.uncappedFen)}，受上限约束</Typography.Text>
            </div>
          )}
          <List
            size="small"
            header={<Typography.Text strong>计算步骤（点击查看原文依据）</Typography.Text>}
            dataSource={result.steps}
            renderItem={(s, i) => (
              <List.Item
                onClick={() => show(i, s.sourceSpan)}
                style={{ cursor: 'pointer', background: shown === i ? '#f6ffed' : undefined }}
                data-testid="calculator-step"
                extra={<span style={{ whiteSpace: 'nowrap' }}>{formatFenYuan(s.amountFen)}</span>}
              >
                <Space direction="vertical" size={0}>
                  <span>{s.label}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {s.sourceSpan ? `原文：“${quote(policy.sourceText, s.sourceSpan)}”` : '无对应原文'}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
            测算仅供参考，以主管部门审核核定为准。
          </Typography.Paragraph>
        </div>
      )}
    </div>
  );
}
