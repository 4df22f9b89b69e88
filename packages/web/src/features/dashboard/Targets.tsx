import { EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TargetRow } from '@scenebridge/contract/dashboard';
import { DASHBOARD_LIMITS, TARGET_METRICS, TARGET_METRIC_LABELS, targetMetricUnit, type TargetMetric } from '@scenebridge/domain/dashboard';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Modal, Progress, Row, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../shared/http';
import { fmtTime } from '../../shared/time';
import { dashboardApi, dashboardKeys } from './api';
import { fenToWanInput, formatCount, formatFen, parseCount, parseWanToFen, percentOf } from './money';

const valueText = (row: Pick<TargetRow, 'unit'>, n: number) => (row.unit === 'fen' ? formatFen(n) : formatCount(n));

/** One metric: the actual, the target and how far along, as a card. */
function TargetCard({ row, multiYear }: { row: TargetRow; multiYear: boolean }) {
  const percent = row.target ? percentOf(row.value, row.target) : 0;
  const ratioText = row.ratio === null ? null : `${(Math.round(row.ratio * 1000) / 10).toFixed(1)}%`;
  return (
    <Card size="small" data-testid={`target-${row.metric}`} style={{ height: '100%' }}>
      <Typography.Text type="secondary">{row.label}</Typography.Text>
      <div style={{ fontSize: 22, fontWeight: 600, margin: '4px 0', fontVariantNumeric: 'tabular-nums' }} data-testid="target-value">
        {valueText(row, row.value)}
      </div>
      {row.target !== null ? (
        <>
          <Progress
            percent={percent}
            showInfo={false}
            status={percent >= 100 ? 'success' : 'normal'}
            aria-label={`${row.label}完成进度`}
            aria-valuetext={ratioText ?? undefined}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="target-target">
            目标 {valueText(row, row.target)} · 完成 {ratioText ?? '—'}
          </Typography.Text>
        </>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="target-target">
          {multiYear ? '跨年度期间不对照年度目标' : '未设定年度目标'}
        </Typography.Text>
      )}
    </Card>
  );
}

/** The progress cards of the period's targets. */
export function TargetCards({ rows, multiYear }: { rows: readonly TargetRow[]; multiYear: boolean }) {
  return (
    <Row gutter={[12, 12]}>
      {rows.map((row) => (
        <Col key={row.metric} xs={row.unit === 'fen' ? 24 : 12} sm={12} lg={8} xl={{ flex: '20%' }}>
          <TargetCard row={row} multiYear={multiYear} />
        </Col>
      ))}
    </Row>
  );
}

type FormValues = Record<TargetMetric, string> & { reason?: string };

const unitOf = (metric: TargetMetric) => (targetMetricUnit(metric) === 'fen' ? '万元' : metricCountUnit[metric]);
const metricCountUnit: Record<TargetMetric, string> = {
  contract_turnover_fen: '万元',
  entries_published: '条',
  challenges_awarded: '项',
  deals_signed: '项',
  active_brokers: '人',
};

/** The text a metric's field accepts, parsed: 万元 → 分 exactly for money, digits for counts. */
function parseField(metric: TargetMetric, text: string): number | null {
  return targetMetricUnit(metric) === 'fen' ? parseWanToFen(text) : parseCount(text);
}

/**
 * 设定年度目标 (operator): a year's targets, money typed in 万元 and sent in 分 (parsed on the
 * digits, never through a float); an emptied field clears that target.
 */
export function TargetsEditor({ defaultYear, onSaved }: { defaultYear: number; onSaved?: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [year, setYear] = useState(defaultYear);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [form] = Form.useForm<FormValues>();
  const current = useQuery({ queryKey: dashboardKeys.targets(year), queryFn: () => dashboardApi.targets(year), enabled: open });

  useEffect(() => {
    if (!open) setYear(defaultYear);
  }, [defaultYear, open]);

  useEffect(() => {
    if (!open || !current.data) return;
    const values: Partial<FormValues> = { reason: '' };
    for (const item of current.data.items) {
      values[item.metric] = item.target === null ? '' : item.unit === 'fen' ? fenToWanInput(item.target) : String(item.target);
    }
    form.setFieldsValue(values);
  }, [current.data, open, form]);

  const save = async () => {
    // Field errors are shown under the fields; nothing is sent.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const targets: Partial<Record<TargetMetric, number | null>> = {};
    for (const metric of TARGET_METRICS) {
      const text = (v[metric] ?? '').trim();
      targets[metric] = text === '' ? null : parseField(metric, text);
    }
    setSaving(true);
    setSaveError(null);
    try {
      await dashboardApi.saveTargets(year, { targets, reason: v.reason?.trim() || undefined });
      void queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
      void message.success(`${year}年年度目标已保存`);
      setOpen(false);
      onSaved?.();
    } catch (err) {
      setSaveError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const lastSet = current.data?.items.filter((i) => i.setAt).sort((a, b) => (b.setAt ?? '').localeCompare(a.setAt ?? ''))[0];

  return (
    <>
      <Button icon={<EditOutlined />} onClick={() => setOpen(true)} data-testid="targets-edit">
        设定年度目标
      </Button>
      <Modal
        open={open}
        title="设定年度目标"
        onCancel={() => setOpen(false)}
        footer={
          <Space>
            <Button onClick={() => setOpen(false)}>取消</Button>
            <Button type="primary" loading={saving} disabled={!current.data} onClick={() => void save()} data-testid="targets-save">
              保存
            </Button>
          </Space>
        }
      >
        <Space align="center" style={{ marginBottom: 12 }} wrap>
          <span id="targets-year-label">年度</span>
          <InputNumber
            value={year}
            min={DASHBOARD_LIMITS.minYear}
            max={DASHBOARD_LIMITS.maxYear}
            precision={0}
            onChange={(y) => y && setYear(y)}
            aria-labelledby="targets-year-label"
            data-testid="targets-year"
          />
        </Space>
        {current.error ? <Alert type="error" showIcon title={`目标加载失败：${errorMessage(current.error)}`} /> : null}
        {saveError && <Alert type="error" showIcon title={saveError} style={{ marginBottom: 12 }} data-testid="targets-error" />}
        {!current.data && !current.error ? (
          <Skeleton active />
        ) : (
          <Form form={form} layout="vertical" requiredMark={false}>
            {TARGET_METRICS.map((metric) => (
              <Form.Item
                key={metric}
                name={metric}
                label={TARGET_METRIC_LABELS[metric]}
                extra={targetMetricUnit(metric) === 'fen' ? '以万元填写，最多 6 位小数（精确到分）；留空表示不设目标' : '留空表示不设目标'}
                rules={[
                  {
                    validator: (_, value: string | undefined) => {
                      const text = (value ?? '').trim();
                      if (text === '' || parseField(metric, text) !== null) return Promise.resolve();
                      return Promise.reject(
                        new Error(
                          targetMetricUnit(metric) === 'fen' ? '请输入不小于 0 的金额（万元），最多 6 位小数' : '请输入不小于 0 的整数',
                        ),
                      );
                    },
                  },
                ]}
              >
                <Input inputMode="decimal" suffix={unitOf(metric)} autoComplete="off" data-testid={`targets-input-${metric}`} />
              </Form.Item>
            ))}
            <Form.Item name="reason" label="调整说明（选填）" rules={[{ max: 500, message: '说明不能超过500个字' }]}>
              <Input.TextArea rows={2} maxLength={500} showCount data-testid="targets-reason" />
            </Form.Item>
            {lastSet && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                最近设定：{fmtTime(lastSet.setAt)} {lastSet.setByName ?? ''}
              </Typography.Text>
            )}
          </Form>
        )}
      </Modal>
    </>
  );
}
