import { ThunderboltOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { REDEMPTION_STAGES } from '@scenebridge/domain/policies';
import { Alert, App, Button, Flex, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { DataTable } from '../../shared/components/DataTable';
import { ExportButton } from '../../shared/components/ExportButton';
import { PageHeader } from '../../shared/components/PageHeader';
import { useSearchState } from '../../shared/hooks';
import { errorMessage } from '../../shared/http';
import { rowTestId } from '../../shared/testid';
import { fmtDate } from '../../shared/time';
import { formatYuan } from '../deals/money';
import { policyMatchingApi, policyMatchingKeys, type RedemptionJson, type RedemptionRunReceipt } from './api';
import { RedeemModal } from './RedeemModal';
import { RedemptionStageTag } from './RedemptionStageTag';
import { runSummaryText, STAGE_LABELS } from './vocab';

function useRun(policyId: string, measureId: string, onDone: (r: RedemptionRunReceipt) => void) {
  const { modal, message } = App.useApp();
  return () =>
    modal.confirm({
      title: '运行免申即享比对',
      content:
        '将按本措施的条件比对平台上全部已审核的机构；符合全部条件且尚未列入的机构会新增为“待确认申领”，并收到通知。已列入的机构不会重复添加。',
      okText: '开始比对',
      cancelText: '取消',
      okButtonProps: { 'data-testid': 'redemption-run-ok' },
      onOk: async () => {
        try {
          onDone(await policyMatchingApi.run(policyId, measureId));
        } catch (e) {
          void message.error(errorMessage(e));
        }
      },
    });
}

/** 免申即享 of one measure (operator): run the comparison, follow the rows, record what was granted. */
export default function MeasureRedemptions() {
  const { id: policyId = '', measureId = '' } = useParams();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [params, update] = useSearchState();
  const [summary, setSummary] = useState<RedemptionRunReceipt | null>(null);
  const [redeeming, setRedeeming] = useState<RedemptionJson | null>(null);
  const stage = params.get('stage') ?? undefined;
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  const query = { stage, page, pageSize };
  const policy = useQuery({ queryKey: policyMatchingKeys.policy(policyId), queryFn: () => policyMatchingApi.policy(policyId) });
  const rows = useQuery({
    queryKey: policyMatchingKeys.measureRows(measureId, query),
    queryFn: () => policyMatchingApi.rows(policyId, measureId, query),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['policy-matching', 'redemptions', measureId] });
  const run = useRun(policyId, measureId, (r) => {
    setSummary(r);
    refresh();
  });
  const measure = policy.data?.measures.find((m) => m.id === measureId);

  const columns: ColumnsType<RedemptionJson> = [
    { title: '机构', dataIndex: ['organization', 'name'], width: 200 },
    { title: '状态', dataIndex: 'stage', width: 140, render: (_v, r) => <RedemptionStageTag stage={r.stage} /> },
    {
      title: '比对依据',
      dataIndex: 'checks',
      minWidth: 180,
      render: (_v, r) => (
        <Typography.Paragraph ellipsis={{ rows: 2, expandable: true, symbol: '展开' }} style={{ margin: 0, fontSize: 12 }}>
          {r.checks.map((c) => c.reason).join('；')}
        </Typography.Paragraph>
      ),
    },
    { title: '比对日期', dataIndex: 'matchedAt', width: 110, render: (v: string) => fmtDate(v) },
    { title: '确认/放弃', dataIndex: 'decidedAt', width: 110, render: (v: string | null) => fmtDate(v) },
    { title: '兑现金额', dataIndex: 'amountFen', width: 140, align: 'right', render: (v: number | null) => formatYuan(v) },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_v, r) =>
        r.stage === 'confirmed' ? (
          <Button size="small" type="primary" onClick={() => setRedeeming(r)} data-testid={`redeem-${r.id}`}>
            兑现登记
          </Button>
        ) : null,
    },
  ];

  return (
    <div data-testid="measure-redemptions-page">
      <PageHeader
        title="免申即享"
        sub={
          policy.data ? (
            <>
              <Link to={`/policies/${policyId}`}>{policy.data.title}</Link>
              {measure && ` · ${measure.marker} ${measure.heading ?? ''}`}
            </>
          ) : undefined
        }
        extra={
          <Space wrap>
            <ExportButton path={policyMatchingApi.exportPath(policyId, measureId)} filters={{ stage }} testId="redemptions-export" />
            <Button type="primary" icon={<ThunderboltOutlined />} onClick={run} data-testid="redemption-run">
              运行比对
            </Button>
          </Space>
        }
      />
      {summary && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setSummary(null) }}
          style={{ marginBottom: 12 }}
          title="比对完成"
          description={runSummaryText(summary)}
          data-testid="redemption-run-summary"
        />
      )}
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="全部状态"
          style={{ width: 180 }}
          value={stage}
          onChange={(v?: string) => update({ stage: v, page: '1' })}
          options={REDEMPTION_STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
          aria-label="状态"
          data-testid="redemptions-stage-filter"
        />
      </Flex>
      <DataTable<RedemptionJson>
        error={rows.error}
        onRetry={() => void rows.refetch()}
        rowKey="id"
        columns={columns}
        dataSource={rows.data?.items ?? []}
        loading={rows.isFetching}
        onRow={(r) => rowTestId(`redemption-row-${r.id}`)}
        scroll={{ x: 980 }}
        empty={stage ? '没有该状态的机构' : '尚未列入任何机构；点击“运行比对”按条件比对全部已审核机构。'}
        pagination={{
          current: rows.data?.page ?? page,
          pageSize: rows.data?.pageSize ?? pageSize,
          total: rows.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 家`,
          onChange: (p, ps) => update({ page: String(p), pageSize: String(ps) }),
        }}
      />
      <RedeemModal
        row={redeeming}
        onClose={() => setRedeeming(null)}
        onDone={() => {
          setRedeeming(null);
          void message.success('已登记兑现');
          refresh();
        }}
      />
    </div>
  );
}
