import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { reviewApi, reviewKeys } from './api';
import { AssignmentStatusTag, fmtScore } from './AssignmentStatusTag';
import { PageHeader } from '../../shared/components/PageHeader';
import { useSearchState } from '../../shared/hooks';
import { ASSIGNMENT_STATUS } from '../../shared/labels';
import { rowTestId } from '../../shared/testid';
import { fmtTime } from '../../shared/time';
import type { AssignmentStatus, MyAssignment } from '../../shared/types';
import { DataTable } from '../../shared/components/DataTable';

/** A withdrawn assignment is removed, so a reviewer's list never holds one to filter by. */
const FILTER_STATUSES: AssignmentStatus[] = ['assigned', 'submitted', 'conflict_declared'];

/** The reviewer's own assignments (GET /reviews/assignments), filtered by call and status in the page. */
export default function Reviews() {
  const navigate = useNavigate();
  const [params, update] = useSearchState();
  const callId = params.get('callId') ?? '';
  const status = params.get('status') ?? '';
  // All assignments once: the call filter's options come from them, and a reviewer has a few hundred at most.
  const list = useQuery({ queryKey: reviewKeys.myAssignments, queryFn: () => reviewApi.myAssignments() });
  const all = list.data ?? [];

  const callOptions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const a of all) if (!seen.has(a.callId)) seen.set(a.callId, a.callTitle);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [all]);
  const rows = all.filter((a) => (!callId || a.callId === callId) && (!status || a.status === status));
  const pending = all.filter((a) => a.status === 'assigned').length;
  const overdue = all.filter((a) => a.overdue).length;

  const columns: ColumnsType<MyAssignment> = [
    { title: '征集', dataIndex: 'callTitle', width: 220, ellipsis: true },
    {
      title: '名称',
      dataIndex: 'title',
      render: (v: string, r) => (
        <Link to={`/reviews/${r.id}`} data-testid="review-link">
          {v || '（未命名）'}
        </Link>
      ),
    },
    {
      title: '单位',
      dataIndex: 'organizationName',
      width: 220,
      ellipsis: true,
      render: (v: string | null) => v ?? <Tag>匿名评审</Tag>,
    },
    { title: '状态', dataIndex: 'status', width: 90, render: (v: AssignmentStatus) => <AssignmentStatusTag status={v} /> },
    { title: '加权得分', dataIndex: 'weightedScore', width: 90, align: 'right', render: (v: number | null) => fmtScore(v) },
    {
      title: '截止时间',
      dataIndex: 'dueAt',
      width: 190,
      render: (v: string | null, r) => (
        <Space size={4}>
          {v ? fmtTime(v) : '不限'}
          {r.overdue && (
            <Tag color="error" data-testid="review-overdue">
              逾期
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'op',
      width: 90,
      render: (_v, r) => (
        <Button
          size="small"
          type={r.status === 'assigned' ? 'primary' : 'default'}
          onClick={() => navigate(`/reviews/${r.id}`)}
          data-testid="review-open"
        >
          {r.status === 'assigned' ? '评分' : '查看'}
        </Button>
      ),
    },
  ];

  return (
    <div>
      <PageHeader
        title="评审任务"
        sub={
          list.data
            ? `共 ${all.length} 项，待评分 ${pending} 项${overdue ? `，其中逾期 ${overdue} 项` : ''}。时间均为北京时间。`
            : '运营方分配给您的评审任务。'
        }
        extra={
          <Button onClick={() => navigate('/reviews/relations')} data-testid="go-relations">
            关联单位声明
          </Button>
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          style={{ width: 320 }}
          value={callId}
          onChange={(v) => update({ callId: v })}
          options={[{ value: '', label: '全部征集' }, ...callOptions]}
          aria-label="按征集筛选"
          data-testid="review-filter-call"
        />
        <Select
          style={{ width: 140 }}
          value={status}
          onChange={(v) => update({ status: v })}
          options={[
            { value: '', label: '全部状态' },
            ...FILTER_STATUSES.map((value) => ({ value, label: ASSIGNMENT_STATUS[value].label })),
          ]}
          aria-label="按状态筛选"
          data-testid="review-filter-status"
        />
      </Space>
      <DataTable<MyAssignment>
        error={list.error}
        onRetry={() => void list.refetch()}
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={list.isFetching}
        onRow={(r) => rowTestId(`reviews-row-${r.id}`)}
        scroll={{ x: 1000 }}
        empty={
          <Empty
            data-testid="reviews-empty"
            description={all.length ? '没有符合筛选条件的评审任务' : '暂无评审任务。运营方分配任务后将显示在这里。'}
          />
        }
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t) => `共 ${t} 项` }}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        与填报单位存在利益关系时，请在评分页“声明回避”，系统将改派其他专家。
      </Typography.Paragraph>
    </div>
  );
}
