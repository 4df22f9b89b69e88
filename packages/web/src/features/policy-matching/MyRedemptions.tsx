import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { DataTable } from '../../shared/components/DataTable';
import { PageHeader } from '../../shared/components/PageHeader';
import { ReasonModal } from '../../shared/components/ReasonModal';
import { useSearchState } from '../../shared/hooks';
import { errorMessage } from '../../shared/http';
import { rowTestId } from '../../shared/testid';
import { fmtDate } from '../../shared/time';
import { useUser } from '../auth/auth';
import { formatYuan } from '../deals/money';
import { policyMatchingApi, policyMatchingKeys, type RedemptionJson } from './api';
import { RedemptionStageTag } from './RedemptionStageTag';

function RowActions({ row, onDecline }: { row: RedemptionJson; onDecline: (row: RedemptionJson) => void }) {
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const confirm = () =>
    modal.confirm({
      title: '确认申领',
      content: `确认申领「${row.measure.heading ?? row.policy.title}」的政策支持？确认后运营方将办理兑现登记。`,
      okText: '确认申领',
      cancelText: '取消',
      okButtonProps: { 'data-testid': 'redemption-confirm-ok' },
      onOk: async () => {
        try {
          await policyMatchingApi.confirm(row.id);
          void message.success('已确认申领');
          void qc.invalidateQueries({ queryKey: policyMatchingKeys.mine });
        } catch (e) {
          void message.error(errorMessage(e));
        }
      },
    });
  return (
    <Space size={4} wrap>
      <Button size="small" type="primary" onClick={confirm} data-testid={`redemption-confirm-${row.id}`}>
        确认申领
      </Button>
      <Button size="small" danger onClick={() => onDecline(row)} data-testid={`redemption-decline-${row.id}`}>
        放弃
      </Button>
    </Space>
  );
}

/** 免申即享: the measures a comparison found this organisation eligible for, to claim or decline. */
export default function MyRedemptions() {
  const user = useUser();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [declining, setDeclining] = useState<RedemptionJson | null>(null);
  const [params, update] = useSearchState();
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  const query = { page, pageSize };
  const list = useQuery({
    queryKey: policyMatchingKeys.minePage(query),
    queryFn: () => policyMatchingApi.mine(query),
    placeholderData: keepPreviousData,
  });

  const columns: ColumnsType<RedemptionJson> = [
    {
      title: '政策措施',
      key: 'measure',
      minWidth: 260,
      render: (_v, r) => (
        <>
          <Link to={`/policies/${r.policy.id}?measure=${r.measure.id}`} style={{ fontWeight: 600 }}>
            {r.measure.heading ?? `第 ${r.measure.path} 项措施`}
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.policy.title}
            </Typography.Text>
          </div>
        </>
      ),
    },
    { title: '状态', dataIndex: 'stage', width: 140, render: (_v, r) => <RedemptionStageTag stage={r.stage} /> },
    { title: '比对日期', dataIndex: 'matchedAt', width: 110, render: (v: string) => fmtDate(v) },
    { title: '兑现金额', dataIndex: 'amountFen', width: 150, align: 'right', render: (v: number | null) => formatYuan(v) },
    {
      title: '操作',
      key: 'actions',
      width: 190,
      render: (_v, r) =>
        r.stage === 'matched' && user.isOrgAdmin ? (
          <RowActions row={r} onDecline={setDeclining} />
        ) : r.stage === 'matched' ? (
          <Typography.Text type="secondary">待机构管理员确认</Typography.Text>
        ) : (
          fmtDate(r.redeemedAt ?? r.decidedAt)
        ),
    },
  ];

  return (
    <div data-testid="my-redemptions-page">
      <PageHeader title="免申即享" sub="平台根据登记信息比对出本单位符合条件的政策措施，无需申报；确认申领后由主管部门办理兑现。" />
      <DataTable<RedemptionJson>
        error={list.error}
        onRetry={() => void list.refetch()}
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        onRow={(r) => rowTestId(`my-redemption-${r.id}`)}
        scroll={{ x: 860 }}
        empty="暂无免申即享事项；平台完成数据比对后，符合条件的政策措施会出现在这里。"
        pagination={{
          current: list.data?.page ?? page,
          pageSize: list.data?.pageSize ?? pageSize,
          total: list.data?.total ?? 0,
          showTotal: (t) => `共 ${t} 项`,
          onChange: (p, ps) => update({ page: String(p), pageSize: String(ps) }),
        }}
      />
      <ReasonModal
        open={declining !== null}
        title="放弃申领"
        label="放弃原因"
        okText="放弃"
        description="放弃后本次不再办理该项政策支持，运营方将收到通知和原因。"
        onCancel={() => setDeclining(null)}
        onSubmit={async (reason) => {
          if (!declining) return;
          await policyMatchingApi.decline(declining.id, reason);
          void qc.invalidateQueries({ queryKey: policyMatchingKeys.mine });
          void message.success('已放弃申领');
          setDeclining(null);
        }}
      />
    </div>
  );
}
