import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DEAL_STATE_LABELS } from '@scenebridge/contract/deals/labels';
import type { Dashboard as DashboardAnswer, DormantDeal, FunnelChart, StaleListing } from '@scenebridge/contract/dashboard';
import { DASHBOARD_LIMITS, isPeriodProblem, resolvePeriod } from '@scenebridge/domain/dashboard';
import { SUBMISSION_STATE_LABELS } from '@scenebridge/domain/glossary';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  InputNumber,
  Row,
  Segmented,
  Select,
  Skeleton,
  Space,
  Statistic,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useAccess } from '../auth/auth';
import { DataTable } from '../../shared/components/DataTable';
import { ExportButton } from '../../shared/components/ExportButton';
import { LoadError } from '../../shared/components/LoadError';
import { PageHeader } from '../../shared/components/PageHeader';
import { useSearchState } from '../../shared/hooks';
import { download, errorMessage, type Query } from '../../shared/http';
import { useIsPhone } from '../../shared/responsive';
import { rowTestId } from '../../shared/testid';
import { dayjs, fmtDate, fmtTime, TZ } from '../../shared/time';
import { DASHBOARD_EXPORT_PATH, DASHBOARD_REPORT_PATH, dashboardApi, dashboardKeys, periodQuery, type DashboardFilters } from './api';
import { ChartCard } from './ChartCard';
import { funnel, rankedBars, reviewThroughput, stageDurations, turnoverByMonth, turnoverByType } from './charts';
import { formatCount, formatFen } from './money';
import { TargetCards, TargetsEditor } from './Targets';

/** Styles of the data-table disclosures (the one place this feature needs CSS of its own). */
const CSS = `
.dash-data { margin-top: 8px; }
.dash-data > summary { cursor: pointer; color: #0958d9; padding: 4px 0; width: fit-content; }
.dash-data > summary:focus-visible { outline: 2px solid #1677ff; outline-offset: 2px; border-radius: 2px; }
.dash-data-box { overflow-x: auto; max-width: 100%; }
.dash-data-box:focus-visible { outline: 2px solid #1677ff; outline-offset: 2px; }
.dash-data table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
.dash-data caption { text-align: start; color: rgba(0,0,0,.65); padding: 4px 0; caption-side: top; }
.dash-data th, .dash-data td { border-bottom: 1px solid #f0f0f0; padding: 6px 8px; text-align: start; white-space: nowrap; }
.dash-data thead th { background: #fafafa; font-weight: 600; }
.dash-data tbody th { font-weight: normal; }
.dash-data td.num { text-align: end; }
.dash-section { margin: 24px 0 12px; font-size: 18px; font-weight: 600; }
`;

const thisYear = () => Number(dayjs().tz(TZ).format('YYYY'));
const num = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

function Section({ id, title, extra, children }: { id: string; title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} style={{ minWidth: 0 }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <h2 id={id} className="dash-section">
          {title}
        </h2>
        {extra}
      </Flex>
      {children}
    </section>
  );
}

/** A download with its own label (导出 Excel has ExportButton): fetched so a refusal shows as a message. */
function DownloadButton({ path, query, label, testId }: { path: string; query: Query; label: string; testId: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const key = `download-${path}`;
    message.open({ key, type: 'loading', content: '正在生成，请稍候…', duration: 0 });
    try {
      const name = await download(path, query, 'report.xlsx');
      message.open({ key, type: 'success', content: `已下载：${name}` });
    } catch (err) {
      message.open({ key, type: 'error', content: `下载失败：${errorMessage(err)}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button type="primary" icon={<DownloadOutlined />} loading={busy} onClick={() => void run()} data-testid={testId}>
      {label}
    </Button>
  );
}

/** The period: a year, or a from/to span of Shanghai dates. */
function PeriodPicker({
  filters,
  update,
  phone,
}: {
  filters: DashboardFilters;
  update: (patch: Record<string, string | undefined>) => void;
  phone: boolean;
}) {
  const mode = filters.from || filters.to ? 'range' : 'year';
  const now = thisYear();
  const years = Array.from({ length: 11 }, (_, i) => now + 1 - i).filter((y) => y >= DASHBOARD_LIMITS.minYear);
  return (
    <Flex gap={8} wrap align="center" data-testid="dashboard-period">
      <Segmented
        value={mode}
        options={[
          { value: 'year', label: '按年度' },
          { value: 'range', label: '自定义期间' },
        ]}
        onChange={(v) =>
          v === 'year'
            ? update({ from: undefined, to: undefined, year: String(filters.year ?? now) })
            : update({ year: undefined, from: `${filters.year ?? now}-01-01`, to: dayjs().tz(TZ).format('YYYY-MM-DD') })
        }
        aria-label="统计期间方式"
        data-testid="dashboard-period-mode"
      />
      {mode === 'year' ? (
        <Select
          value={filters.year ?? now}
          style={{ width: 120 }}
          options={years.map((y) => ({ value: y, label: `${y}年` }))}
          onChange={(y: number) => update({ year: String(y), batchId: undefined })}
          aria-label="统计年度"
          data-testid="dashboard-year"
        />
      ) : (
        <DatePicker.RangePicker
          value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
          allowClear={false}
          onChange={(range) => {
            if (range?.[0] && range[1])
              update({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), batchId: undefined });
          }}
          placement={phone ? 'bottomLeft' : undefined}
          aria-label="统计起止日期"
          data-testid="dashboard-range"
        />
      )}
    </Flex>
  );
}

/** The funnel card: the period's needs, or one batch's (its own request then). */
function FunnelCard({
  data,
  filters,
  update,
  phone,
}: {
  data: FunnelChart;
  filters: DashboardFilters;
  update: (patch: Record<string, string | undefined>) => void;
  phone: boolean;
}) {
  const ofBatch = useQuery({
    queryKey: ['dashboard', 'funnel', filters],
    queryFn: () => dashboardApi.funnel(filters),
    enabled: !!filters.batchId,
    placeholderData: keepPreviousData,
  });
  const shown = filters.batchId && ofBatch.data ? ofBatch.data : data;
  const chart = useMemo(() => funnel(shown, { phone }), [shown, phone]);
  const batchSelect = (
    <Select
      allowClear
      placeholder="全部发布（按期间）"
      value={filters.batchId}
      style={{ width: phone ? '100%' : 240 }}
      popupMatchSelectWidth={false}
      onChange={(v?: string) => update({ batchId: v })}
      options={data.batches.map((b) => ({ value: b.id, label: `${b.year}年第${b.number}批 · ${b.title}（${b.entryCount}条）` }))}
      aria-label="漏斗的发布批次"
      data-testid="dashboard-batch"
    />
  );
  return (
    <>
      {ofBatch.error ? <LoadError error={ofBatch.error} onRetry={() => void ofBatch.refetch()} /> : null}
      <ChartCard
        name="funnel"
        title="发布 → 合同登记"
        extra={phone ? undefined : batchSelect}
        toolbar={phone ? batchSelect : undefined}
        loading={!!filters.batchId && !ofBatch.data && ofBatch.isFetching}
        exportPath={DASHBOARD_EXPORT_PATH}
        exportQuery={{ ...periodQuery(filters), batchId: filters.batchId, chart: 'funnel' }}
        {...chart}
      />
    </>
  );
}

function YearOnYear({ current, previous }: { current: number; previous: number }) {
  if (previous <= 0) return <Typography.Text type="secondary">上年同期无数据</Typography.Text>;
  const change = Math.round(((current - previous) * 1000) / previous) / 10;
  const up = change >= 0;
  return (
    <Typography.Text type={up ? 'success' : 'danger'}>
      较上年同期 {up ? '增长' : '下降'} {Math.abs(change).toFixed(1)}%
    </Typography.Text>
  );
}

function TurnoverSection({ data, filters, phone }: { data: DashboardAnswer; filters: DashboardFilters; phone: boolean }) {
  const t = data.turnover;
  const [typeKind, setTypeKind] = useState<'pie' | 'bar'>('bar');
  const charts = useMemo(
    () => ({
      type: turnoverByType(t.byType, { phone, kind: typeKind }),
      field: rankedBars(t.byField, { phone, caption: '技术合同成交额 · 按技术领域', category: '技术领域' }),
      district: rankedBars(t.byDistrict, { phone, caption: '技术合同成交额 · 按地区（卖方所在区县）', category: '地区' }),
      sellerKind: rankedBars(t.bySellerKind, { phone, caption: '技术合同成交额 · 按卖方性质', category: '卖方性质' }),
      month: turnoverByMonth(t, { phone }),
    }),
    [t, phone, typeKind],
  );
  const exportQuery = (chart: string): Query => ({ ...periodQuery(filters), chart });
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={8}>
          <Card size="small" data-testid="turnover-total">
            <Statistic title="合同成交额" value={formatFen(t.total.contractAmountFen)} />
            <YearOnYear current={t.total.contractAmountFen} previous={t.previousTotal.contractAmountFen} />
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small">
            <Statistic title="技术交易额" value={formatFen(t.total.technologyAmountFen)} />
            <Typography.Text type="secondary">上年同期 {formatFen(t.previousTotal.technologyAmountFen)}</Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small">
            <Statistic title="登记合同数" value={formatCount(t.total.count)} suffix="份" />
            <Typography.Text type="secondary">上年同期 {formatCount(t.previousTotal.count)} 份</Typography.Text>
          </Card>
        </Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24}>
          <ChartCard
            name="turnover-month"
            title="按月（与上年同期对比）"
            exportPath={DASHBOARD_EXPORT_PATH}
            exportQuery={exportQuery('turnover-month')}
            {...charts.month}
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            name="turnover-type"
            title="按合同类型"
            exportPath={DASHBOARD_EXPORT_PATH}
            exportQuery={exportQuery('turnover-type')}
            extra={
              <Segmented
                size="small"
                value={typeKind}
                onChange={(v) => setTypeKind(v as 'pie' | 'bar')}
                options={[
                  { value: 'bar', label: '条形' },
                  { value: 'pie', label: '环形' },
                ]}
                aria-label="合同类型图表样式"
                data-testid="turnover-type-kind"
              />
            }
            {...charts.type}
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            name="turnover-seller-kind"
            title="按卖方性质"
            exportPath={DASHBOARD_EXPORT_PATH}
            exportQuery={exportQuery('turnover-seller-kind')}
            {...charts.sellerKind}
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            name="turnover-field"
            title="按技术领域"
            exportPath={DASHBOARD_EXPORT_PATH}
            exportQuery={exportQuery('turnover-field')}
            {...charts.field}
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            name="turnover-district"
            title="按地区（排名）"
            exportPath={DASHBOARD_EXPORT_PATH}
            exportQuery={exportQuery('turnover-district')}
            {...charts.district}
          />
        </Col>
      </Row>
    </>
  );
}

function AttentionSection({
  data,
  staleDays,
  update,
}: {
  data: DashboardAnswer;
  staleDays: number;
  update: (patch: Record<string, string | undefined>) => void;
}) {
  const a = data.attention;
  const staleColumns: ColumnsType<StaleListing> = [
    {
      title: '条目',
      dataIndex: 'title',
      minWidth: 200,
      render: (v: string, r) => (
        <Link to={`/listings/${r.submissionId}`} data-testid="stale-listing-link">
          {v}
        </Link>
      ),
    },
    { title: '发布单位', dataIndex: 'organizationName', width: 180 },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      render: (v: string) => SUBMISSION_STATE_LABELS[v as keyof typeof SUBMISSION_STATE_LABELS] ?? v,
    },
    { title: '首次发布', dataIndex: 'publishedAt', width: 110, render: (v: string) => fmtDate(v) },
    { title: '最近动态', dataIndex: 'lastActivityAt', width: 110, render: (v: string | null) => (v ? fmtDate(v) : '无') },
    { title: '闲置天数', dataIndex: 'idleDays', width: 90, align: 'right' },
    {
      title: '跟进',
      key: 'action',
      width: 120,
      render: (_, r) => (
        <Link to={`/listings/${r.submissionId}`} aria-label={`查看条目并跟进：${r.title}`} data-testid="stale-listing-action">
          查看条目并跟进
        </Link>
      ),
    },
  ];
  const dormantColumns: ColumnsType<DormantDeal> = [
    { title: '项目编号', dataIndex: 'code', width: 130 },
    {
      title: '对接项目',
      dataIndex: 'title',
      minWidth: 200,
      render: (v: string, r) => (
        <Link to={`/deals/${r.dealId}`} data-testid="dormant-deal-link">
          {v}
        </Link>
      ),
    },
    { title: '阶段', dataIndex: 'status', width: 100, render: (v: string) => DEAL_STATE_LABELS[v as keyof typeof DEAL_STATE_LABELS] ?? v },
    { title: '技术经理人', dataIndex: 'brokerName', width: 120, render: (v: string | null) => v ?? '未分配' },
    { title: '最近活动', dataIndex: 'lastActivityAt', width: 110, render: (v: string) => fmtDate(v) },
    { title: '休眠起', dataIndex: 'dormantSince', width: 110, render: (v: string | null) => (v ? fmtDate(v) : '—') },
    { title: '闲置天数', dataIndex: 'idleDays', width: 90, align: 'right' },
    {
      title: '跟进',
      key: 'action',
      width: 100,
      render: (_, r) => (
        <Link to={`/deals/${r.dealId}`} aria-label={`去跟进：${r.title}`} data-testid="dormant-deal-action">
          去跟进
        </Link>
      ),
    },
  ];
  const shownOf = (shown: number, total: number) => (total > shown ? `共 ${total} 项，显示闲置最久的 ${shown} 项` : `共 ${total} 项`);
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24}>
        <Card title="长期无对接的清单条目" data-testid="stale-listings">
          <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary" data-testid="stale-listings-total">
              {shownOf(a.stale.length, a.staleTotal)}
            </Typography.Text>
            <Space size={4}>
              <label htmlFor="dashboard-stale-days">闲置超过</label>
              <InputNumber
                id="dashboard-stale-days"
                size="small"
                min={DASHBOARD_LIMITS.minStaleDays}
                max={DASHBOARD_LIMITS.maxStaleDays}
                precision={0}
                value={staleDays}
                style={{ width: 80 }}
                onChange={(v) => v && update({ staleDays: String(v) })}
                data-testid="dashboard-stale-days"
              />
              <span>天，且无意向、无对接项目</span>
            </Space>
          </Flex>
          <DataTable<StaleListing>
            rowKey="submissionId"
            columns={staleColumns}
            dataSource={a.stale}
            pagination={false}
            size="small"
            scroll={{ x: 900 }}
            onRow={(r) => rowTestId(`stale-listing-${r.submissionId}`)}
            empty={<span style={{ color: '#595959' }}>{`没有闲置超过 ${a.staleDays} 天的已发布条目`}</span>}
          />
        </Card>
      </Col>
      <Col xs={24}>
        <Card title="休眠的对接项目" data-testid="dormant-deals">
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }} data-testid="dormant-deals-total">
            {shownOf(a.dormant.length, a.dormantTotal)}
          </Typography.Text>
          <DataTable<DormantDeal>
            rowKey="dealId"
            columns={dormantColumns}
            dataSource={a.dormant}
            pagination={false}
            size="small"
            scroll={{ x: 960 }}
            onRow={(r) => rowTestId(`dormant-deal-${r.dealId}`)}
            empty={<span style={{ color: '#595959' }}>没有休眠的对接项目</span>}
          />
        </Card>
      </Col>
    </Row>
  );
}

/**
 * 成果看板 (operators, registrars, brokers): targets against actuals, the funnel, 技术合同成交额
 * by type, field, district, seller kind and month, review throughput and stage durations, and
 * what needs a follow-up. Each chart has its data as a table and as Excel. ECharts loads with
 * this page only.
 */
export default function Dashboard() {
  const access = useAccess();
  const phone = useIsPhone();
  const [params, update] = useSearchState();
  const filters: DashboardFilters = {
    year: num(params.get('year')),
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    batchId: params.get('batchId') ?? undefined,
    staleDays: num(params.get('staleDays')),
  };
  const ranged = !!(filters.from || filters.to);
  if (!ranged && filters.year === undefined) filters.year = thisYear();
  const problem = useMemo(() => {
    const p = resolvePeriod(ranged ? { from: filters.from, to: filters.to } : { year: filters.year });
    return isPeriodProblem(p) ? p.message : null;
  }, [ranged, filters.from, filters.to, filters.year]);
  const overviewFilters: DashboardFilters = { ...filters, batchId: undefined };
  const overview = useQuery({
    queryKey: dashboardKeys.overview(overviewFilters),
    queryFn: () => dashboardApi.overview(overviewFilters),
    enabled: !problem,
    placeholderData: keepPreviousData,
  });
  const data = overview.data;
  const staleDays = filters.staleDays ?? data?.attention.staleDays ?? DASHBOARD_LIMITS.defaultStaleDays;
  const throughput = useMemo(
    () => (data ? { flow: reviewThroughput(data.throughput, { phone }), stages: stageDurations(data.throughput, { phone }) } : null),
    [data, phone],
  );
  const period = periodQuery(filters);
  const editYear = data?.period.year ?? Number((filters.from ?? `${filters.year ?? thisYear()}`).slice(0, 4));

  return (
    <div data-testid="dashboard" style={{ minWidth: 0 }}>
      <style>{CSS}</style>
      <PageHeader
        title="成果看板"
        sub={
          data
            ? `统计期间 ${data.period.from} 至 ${data.period.to} · 数据生成于 ${fmtTime(data.generatedAt)}（最长延迟 ${data.maxStaleSeconds} 秒）`
            : '技术合同成交额、对接漏斗与年度目标完成情况'
        }
        extra={
          <Flex gap={8} wrap>
            <ExportButton path={DASHBOARD_EXPORT_PATH} filters={{ ...period, batchId: filters.batchId }} testId="dashboard-export" />
            <DownloadButton path={DASHBOARD_REPORT_PATH} query={period} label="下载统计报表" testId="stats-report-download" />
          </Flex>
        }
      />
      <Card size="small" style={{ marginBottom: 8 }}>
        <PeriodPicker filters={filters} update={update} phone={phone} />
      </Card>
      {problem && <Alert type="warning" showIcon title={problem} style={{ margin: '8px 0' }} data-testid="dashboard-period-problem" />}
      <LoadError error={overview.error} onRetry={() => void overview.refetch()} />
      {!data && !overview.error && !problem && <Skeleton active paragraph={{ rows: 8 }} />}
      {data && (
        <div style={{ opacity: overview.isPlaceholderData ? 0.6 : 1, transition: 'opacity .2s' }} aria-busy={overview.isFetching}>
          <Section
            id="dash-targets"
            title={
              data.period.year
                ? `${data.period.year}年度目标完成情况`
                : data.period.from.slice(0, 4) === data.period.to.slice(0, 4)
                  ? `${data.period.from.slice(0, 4)}年度目标完成情况（所选期间）`
                  : '目标完成情况'
            }
            extra={access.isOperator ? <TargetsEditor defaultYear={editYear} /> : undefined}
          >
            <TargetCards rows={data.targets} multiYear={data.period.from.slice(0, 4) !== data.period.to.slice(0, 4)} />
          </Section>
          <Section id="dash-funnel" title="对接漏斗">
            <FunnelCard data={data.funnel} filters={filters} update={update} phone={phone} />
          </Section>
          <Section id="dash-turnover" title="技术合同成交额">
            <TurnoverSection data={data} filters={filters} phone={phone} />
          </Section>
          <Section id="dash-throughput" title="评审吞吐与环节耗时">
            {throughput && (
              <Row gutter={[12, 12]}>
                <Col xs={24} xl={12}>
                  <ChartCard
                    name="review-throughput"
                    title="评审吞吐（按月）"
                    exportPath={DASHBOARD_EXPORT_PATH}
                    exportQuery={{ ...period, chart: 'review-throughput' }}
                    {...throughput.flow}
                  />
                </Col>
                <Col xs={24} xl={12}>
                  <ChartCard
                    name="stage-durations"
                    title="各环节耗时（中位天数）"
                    exportPath={DASHBOARD_EXPORT_PATH}
                    exportQuery={{ ...period, chart: 'stage-durations' }}
                    {...throughput.stages}
                  />
                </Col>
              </Row>
            )}
          </Section>
          <Section id="dash-attention" title="待跟进事项">
            <AttentionSection data={data} staleDays={staleDays} update={update} />
          </Section>
        </div>
      )}
    </div>
  );
}
