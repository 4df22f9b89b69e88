import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { PlusOutlined } from '@ant-design/icons';
import { CHALLENGE_STATE_LABELS, deadlineCountdown, formatReward } from '@scenebridge/contract/challenges/labels';
import { CHALLENGE_STATES } from '@scenebridge/contract/challenges/lifecycle';
import { Button, Input, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import { useAccess, useUser } from '../auth/auth';
import { DataTable } from '../../shared/components/DataTable';
import { ExportButton } from '../../shared/components/ExportButton';
import { PageHeader } from '../../shared/components/PageHeader';
import { useSearchState } from '../../shared/hooks';
import { rowTestId } from '../../shared/testid';
import { fmtTime } from '../../shared/time';
import { challengesApi, challengesKeys, type Challenge } from './api';
import { ChallengeStatus } from './ChallengeStatus';

/** 揭榜挂帅: the caller's organisation's challenges and every open one; the operator's review queue. */
export default function Challenges() {
  const user = useUser();
  const access = useAccess();
  const op = user.isOperator;
  const navigate = useNavigate();
  const [params, update] = useSearchState();
  const status = params.get('status') ?? (op ? 'pending_review' : '');
  const mine = params.get('mine') === 'true';
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  const filters = { status: status || undefined, mine: mine ? 'true' : undefined, q: q || undefined };
  const query = { ...filters, page, pageSize };
  const list = useQuery({
    queryKey: challengesKeys.list(query),
    queryFn: () => challengesApi.list(query),
    placeholderData: keepPreviousData,
  });
  const now = new Date();

  const columns: ColumnsType<Challenge> = [
    {
      title: '榜单名称',
      dataIndex: 'title',
      minWidth: 220,
      render: (v: string, r) => (
        <Link to={`/challenges/${r.id}`} style={{ fontWeight: 600 }} data-testid="challenge-detail-link">
          {v}
        </Link>
      ),
    },
    { title: '发榜单位', dataIndex: 'organizationName', width: 200 },
    { title: '榜单金额', dataIndex: 'rewardFen', width: 140, align: 'right', render: (v: number) => formatReward(v) },
    {
      title: '申报截止',
      dataIndex: 'applicationDeadline',
      width: 190,
      render: (v: string, r) => (
        <Space direction="vertical" size={0}>
          {fmtTime(v)}
          {r.status === 'open' && <Typography.Text type="secondary">{deadlineCountdown(new Date(v), now)}</Typography.Text>}
        </Space>
      ),
    },
    { title: '状态', dataIndex: 'status', width: 120, render: (v: string) => <ChallengeStatus status={v} /> },
  ];

  return (
    <div>
      <PageHeader
        title="揭榜挂帅"
        sub={
          op
            ? '审核各单位提交的榜单；审核通过后榜单公开发布。时间均为北京时间。'
            : '发布本单位的榜单，或查看正在揭榜的榜单。时间均为北京时间。'
        }
        extra={
          <Space wrap>
            <ExportButton path="/challenges/export.xlsx" filters={filters} testId="challenges-export" />
            {access.can('draft') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/challenges/new')} data-testid="challenge-create">
                发榜
              </Button>
            )}
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          style={{ width: 160 }}
          value={status}
          onChange={(v) => update({ status: v || '', page: undefined })}
          options={[{ value: '', label: '全部状态' }, ...CHALLENGE_STATES.map((s) => ({ value: s, label: CHALLENGE_STATE_LABELS[s] }))]}
          aria-label="按状态筛选"
          data-testid="challenge-filter-status"
        />
        {access.isOrgUser && (
          <Select
            style={{ width: 160 }}
            value={mine ? 'true' : ''}
            onChange={(v) => update({ mine: v || undefined, page: undefined })}
            options={[
              { value: '', label: '全部可见榜单' },
              { value: 'true', label: '本单位发布的' },
            ]}
            aria-label="按范围筛选"
            data-testid="challenge-filter-mine"
          />
        )}
        <Input.Search
          allowClear
          defaultValue={q}
          placeholder="按榜单名称搜索"
          onSearch={(v) => update({ q: v || undefined, page: undefined })}
          style={{ width: 220 }}
          aria-label="按榜单名称搜索"
        />
      </Space>
      <DataTable<Challenge>
        error={list.error}
        onRetry={() => void list.refetch()}
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        onRow={(r) => rowTestId(`challenge-row-${r.id}`)}
        scroll={{ x: 900 }}
        empty={op ? '暂无待审核的榜单' : '暂无榜单'}
        pagination={{
          current: list.data?.page ?? page,
          pageSize: list.data?.pageSize ?? pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 项`,
          onChange: (p, ps) => update({ page: String(p), pageSize: String(ps) }),
        }}
      />
    </div>
  );
}
