import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { PlusOutlined } from '@ant-design/icons';
import { isCallEditable } from '@scenebridge/contract/calls/lifecycle';
import { App, Button, Descriptions, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import { callsApi, callsKeys } from './api';
import { useAccess, useUser } from '../auth/auth';
import { CallActionButtons } from './CallActions';
import { PageHeader } from '../../shared/components/PageHeader';
import { StatusTag } from '../../shared/components/StatusTag';
import { useSearchState } from '../../shared/hooks';
import { actionLabel } from '../../shared/labels';
import { useMeta } from '../../shared/meta';
import { rowTestId } from '../../shared/testid';
import { fmtTime } from '../../shared/time';
import type { Call } from '../../shared/types';
import { DataTable } from '../../shared/components/DataTable';

/** States with a ranking to look at: 评审中 (assign, select, publish) and 结果已发布 (read, publish what is left). */
const REVIEW_STATES = new Set(['reviewing', 'results_published']);

function CallDetail({ call }: { call: Call }) {
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        {
          key: 'd',
          label: '征集说明',
          children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{call.description}</Typography.Paragraph>,
        },
        {
          key: 'r',
          label: '评审方案',
          children: `每项 ${call.reviewScheme.reviewersPerItem} 名专家${call.reviewScheme.blind ? '，盲评' : ''}；指标：${call.reviewScheme.criteria
            .map((c) => `${c.name} ${c.weight}%`)
            .join('、')}`,
        },
      ]}
    />
  );
}

export default function Calls() {
  const user = useUser();
  const access = useAccess();
  const op = user.isOperator;
  const meta = useMeta();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params, update] = useSearchState();
  const status = params.get('status') ?? (op ? 'all' : 'open');
  const listType = params.get('listType') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  // Only users of an approved organisation fill in (POST /submissions answers 403 to anyone else).
  const mayDraft = access.can('draft');

  const queryClient = useQueryClient();
  const query = { status: status === 'all' ? undefined : status, listType, page, pageSize };
  const list = useQuery({ queryKey: callsKeys.list(query), queryFn: () => callsApi.calls(query), placeholderData: keepPreviousData });

  const run = async (call: Call, action: string, reason?: string) => {
    await callsApi.callTransition(call.id, action, reason);
    void message.success(`「${call.title}」已${actionLabel(action)}`);
    void queryClient.invalidateQueries({ queryKey: callsKeys.all });
  };

  const stateOptions = Object.keys(
    meta.meta?.labels.callStates ?? { draft: 1, scheduled: 1, open: 1, closed: 1, reviewing: 1, results_published: 1, cancelled: 1 },
  )
    .filter((s) => op || s !== 'draft')
    .map((s) => ({ value: s, label: meta.callState(s) }));

  const columns: ColumnsType<Call> = [
    {
      title: '征集名称',
      dataIndex: 'title',
      minWidth: 220,
      render: (v: string, r) => (
        <Link to={`/calls/${r.id}`} style={{ fontWeight: 600 }} data-testid="call-detail-link">
          {v}
        </Link>
      ),
    },
    { title: '清单类型', dataIndex: 'listType', width: 100, render: (v: string) => meta.listType(v) },
    { title: '开始时间', dataIndex: 'opensAt', width: 150, render: (v: string) => fmtTime(v) },
    { title: '截止时间', dataIndex: 'closesAt', width: 150, render: (v: string) => fmtTime(v) },
    { title: '状态', dataIndex: 'status', width: 110, render: (v: string) => <StatusTag kind="call" status={v} /> },
    { title: '填报数', dataIndex: 'submissionCount', width: 80, align: 'right' },
    {
      title: '操作',
      key: 'actions',
      width: op ? 300 : 120,
      render: (_v, r) =>
        op ? (
          <Space wrap size="small">
            {isCallEditable(r.status) && (
              <Button size="small" onClick={() => navigate(`/calls/${r.id}/edit`)} data-testid="call-edit">
                编辑
              </Button>
            )}
            <Button size="small" type="link" onClick={() => navigate(`/submissions?callId=${r.id}`)} data-testid="call-submissions">
              填报记录
            </Button>
            {REVIEW_STATES.has(r.status) && (
              <Button size="small" type="primary" ghost onClick={() => navigate(`/calls/${r.id}/review`)} data-testid="call-review-link">
                {r.status === 'reviewing' ? '评审与遴选' : '评审结果'}
              </Button>
            )}
            <CallActionButtons size="small" actions={r.allowedActions} onRun={(a, reason) => run(r, a, reason)} />
          </Space>
        ) : r.acceptingSubmissions && mayDraft ? (
          <Button type="primary" size="small" onClick={() => navigate(`/submissions/new?callId=${r.id}`)} data-testid="call-fill">
            填报
          </Button>
        ) : null,
    },
  ];

  return (
    <div>
      <PageHeader
        title={op ? '征集管理' : '在线征集'}
        sub={op ? '发起和管理场景需求、场景能力征集。时间均为北京时间。' : '选择正在征集中的活动进行填报。时间均为北京时间。'}
        extra={
          op && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/calls/new')} data-testid="call-create">
              新建征集
            </Button>
          )
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          style={{ width: 160 }}
          value={status}
          onChange={(v) => update({ status: v, page: undefined })}
          options={[{ value: 'all', label: '全部状态' }, ...stateOptions]}
          aria-label="按状态筛选"
          data-testid="call-filter-status"
        />
        <Select
          style={{ width: 160 }}
          value={listType}
          onChange={(v) => update({ listType: v, page: undefined })}
          options={[
            { value: '', label: '全部清单类型' },
            { value: 'scenario_need', label: meta.listType('scenario_need') },
            { value: 'capability', label: meta.listType('capability') },
          ]}
          aria-label="按清单类型筛选"
          data-testid="call-filter-list-type"
        />
      </Space>
      <DataTable<Call>
        error={list.error}
        onRetry={() => void list.refetch()}
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        onRow={(r) => rowTestId(`call-row-${r.id}`)}
        expandable={{ expandedRowRender: (r) => <CallDetail call={r} /> }}
        scroll={{ x: 1000 }}
        empty={op ? '暂无征集，点击“新建征集”发起' : '暂无正在进行的征集'}
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
