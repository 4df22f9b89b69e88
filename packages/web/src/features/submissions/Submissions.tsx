import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Empty, Input, Select, Space, Typography } from 'antd';
import { isSubmissionEditable } from '@scenebridge/contract/submissions/lifecycle';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import { CALL_CHOICES, callsApi, callsKeys } from '../calls/api';
import { submissionsApi, submissionsKeys } from './api';
import { useAccess, useUser } from '../auth/auth';
import { DataTable } from '../../shared/components/DataTable';
import { ExportButton } from '../../shared/components/ExportButton';
import { PageState } from '../../shared/components/PageState';
import { PageHeader } from '../../shared/components/PageHeader';
import { StatusTag } from '../../shared/components/StatusTag';
import { useSearchState } from '../../shared/hooks';
import { FALLBACK_LABELS } from '../../shared/labels';
import { useMeta } from '../../shared/meta';
import { rowTestId } from '../../shared/testid';
import { fmtTime } from '../../shared/time';
import type { SubmissionListItem } from '../../shared/types';

export default function Submissions() {
  const user = useUser();
  const op = user.isOperator;
  const meta = useMeta();
  const navigate = useNavigate();
  const [params, update] = useSearchState();
  const callId = params.get('callId') ?? '';
  const status = params.get('status') ?? '';
  const listType = params.get('listType') ?? '';
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  const filtered = !!(callId || status || listType || q);
  // A broker, a reviewer or a not-yet-approved organisation has no list here: say so, ask nothing.
  const blocked = useAccess().refusal('listSubmissions');

  const query = { callId, status, listType, q, page, pageSize };
  const list = useQuery({
    queryKey: submissionsKeys.list(query),
    queryFn: () => submissionsApi.submissions(query),
    placeholderData: keepPreviousData,
    enabled: !blocked,
  });
  const calls = useQuery({ queryKey: callsKeys.list(CALL_CHOICES), queryFn: () => callsApi.calls(CALL_CHOICES), enabled: !blocked });

  const states = Object.keys(meta.meta?.labels.submissionStates ?? FALLBACK_LABELS.submissionStates);

  const columns: ColumnsType<SubmissionListItem> = [
    {
      title: '名称',
      dataIndex: 'title',
      width: 300,
      render: (v: string, r) => (
        <Link to={`/submissions/${r.id}`} data-testid="submission-link">
          {v || '（未命名）'}
        </Link>
      ),
    },
    { title: '所属征集', dataIndex: 'callTitle', width: 220, ellipsis: true },
    { title: '清单类型', dataIndex: 'listType', width: 100, render: (v: string) => meta.listType(v) },
    ...(op
      ? [{ title: '填报单位', key: 'org', width: 200, ellipsis: true, render: (_v: unknown, r: SubmissionListItem) => r.organization.name }]
      : []),
    { title: '状态', dataIndex: 'status', width: 110, render: (v: string) => <StatusTag kind="submission" status={v} /> },
    { title: '提交时间', dataIndex: 'submittedAt', width: 150, render: (v: string | null) => fmtTime(v) },
    { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: (v: string) => fmtTime(v) },
    {
      title: '操作',
      key: 'actions',
      width: 130,
      render: (_v, r) => (
        <Space size="small">
          <Button size="small" type="link" onClick={() => navigate(`/submissions/${r.id}`)} data-testid="submission-view">
            查看
          </Button>
          {!op && isSubmissionEditable(r.status) && r.organization.id === user.organization?.id && (
            <Button size="small" type="link" onClick={() => navigate(`/submissions/${r.id}/edit`)} data-testid="submission-edit">
              编辑
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const empty = (
    <Empty
      data-testid="submissions-empty"
      description={
        filtered ? (
          '没有符合条件的填报记录，请调整筛选条件'
        ) : op ? (
          '暂无已提交的填报记录'
        ) : (
          <span>
            还没有填报记录。请在 <Link to="/calls">在线征集</Link> 中选择正在征集的活动进行填报。
          </span>
        )
      }
    >
      {filtered && (
        <Button onClick={() => update({ callId: undefined, status: undefined, listType: undefined, q: undefined, page: undefined })}>
          清除筛选
        </Button>
      )}
    </Empty>
  );

  if (blocked) {
    return (
      <div>
        <PageHeader title="填报记录" />
        <PageState blocked={blocked} />
      </div>
    );
  }

  return (
    <div>
      <PageHeader
        title="填报记录"
        sub={op ? '各单位提交的场景需求和场景能力（不含其他单位的草稿）。' : `${user.organization?.name ?? ''}的填报记录。`}
        extra={<ExportButton path="/submissions/export.xlsx" filters={{ callId, status, listType, q }} />}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          style={{ width: 260 }}
          value={callId}
          onChange={(v) => update({ callId: v, page: undefined })}
          showSearch={{ optionFilterProp: 'label' }}
          loading={calls.isFetching}
          options={[{ value: '', label: '全部征集' }, ...(calls.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))]}
          aria-label="按征集筛选"
          data-testid="submission-filter-call"
        />
        <Select
          style={{ width: 140 }}
          value={status}
          onChange={(v) => update({ status: v, page: undefined })}
          options={[
            { value: '', label: '全部状态' },
            ...states.filter((s) => !op || s !== 'draft').map((s) => ({ value: s, label: meta.submissionState(s) })),
          ]}
          aria-label="按状态筛选"
          data-testid="submission-filter-status"
        />
        <Select
          style={{ width: 140 }}
          value={listType}
          onChange={(v) => update({ listType: v, page: undefined })}
          options={[
            { value: '', label: '全部清单类型' },
            { value: 'scenario_need', label: meta.listType('scenario_need') },
            { value: 'capability', label: meta.listType('capability') },
          ]}
          aria-label="按清单类型筛选"
          data-testid="submission-filter-list-type"
        />
        <Input.Search
          key={q}
          allowClear
          defaultValue={q}
          placeholder="关键词（名称、描述）"
          onSearch={(v) => update({ q: v.trim() || undefined, page: undefined })}
          style={{ width: 260 }}
          aria-label="按关键词检索"
          data-testid="submission-filter-q"
        />
      </Space>
      <DataTable<SubmissionListItem>
        error={list.error}
        onRetry={() => void list.refetch()}
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        onRow={(r) => rowTestId(`submission-row-${r.id}`)}
        empty={empty}
        scroll={{ x: 1000 }}
        pagination={{
          current: list.data?.page ?? page,
          pageSize: list.data?.pageSize ?? pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 条`,
          onChange: (p, ps) => update({ page: String(p), pageSize: String(ps) }),
        }}
      />
      {!op && <Typography.Paragraph type="secondary">提示：草稿和“退回修改”的填报可以继续编辑后提交。</Typography.Paragraph>}
    </div>
  );
}
