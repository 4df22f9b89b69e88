import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import { DataTable } from '../../shared/components/DataTable';
import { PageHeader } from '../../shared/components/PageHeader';
import { useIsPhone } from '../../shared/responsive';
import { rowTestId } from '../../shared/testid';
import { fmtTime } from '../../shared/time';
import { AssignmentStatusTag, fmtScore } from '../review/AssignmentStatusTag';
import { applicationReviewApi, applicationReviewKeys, type MyApplicationReview } from './api';

/** The reviewer's own 揭榜 application reviews. */
export default function MyApplicationReviews() {
  const navigate = useNavigate();
  const phone = useIsPhone();
  const list = useQuery({ queryKey: applicationReviewKeys.mine, queryFn: applicationReviewApi.mine });
  const rows = list.data ?? [];
  const columns: ColumnsType<MyApplicationReview> = [
    {
      title: '榜单',
      dataIndex: 'challengeTitle',
      render: (v: string, r) => (
        // On a phone the status sits under the title (the link opens the scoring): no sideways scrolling to find it.
        <Space orientation="vertical" size={4}>
          <Link to={`/application-reviews/${r.id}`} data-testid="app-review-link">
            {v}
          </Link>
          {phone && <AssignmentStatusTag status={r.status} />}
        </Space>
      ),
    },
    { title: '牵头单位', dataIndex: 'leadOrganizationName', width: 220, render: (v: string | null) => v ?? <Tag>匿名评审</Tag> },
    ...(phone
      ? []
      : [
          {
            title: '状态',
            dataIndex: 'status',
            width: 90,
            render: (v: MyApplicationReview['status']) => <AssignmentStatusTag status={v} />,
          },
        ]),
    { title: '加权得分', dataIndex: 'weightedScore', width: 90, align: 'right', render: (v: number | null) => fmtScore(v) },
    {
      title: '截止时间',
      dataIndex: 'dueAt',
      width: 170,
      render: (v: string | null, r) => (
        <>
          {v ? fmtTime(v) : '不限'} {r.overdue && <Tag color="error">逾期</Tag>}
        </>
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
          onClick={() => navigate(`/application-reviews/${r.id}`)}
        >
          {r.status === 'assigned' ? '评分' : '查看'}
        </Button>
      ),
    },
  ];
  return (
    <div>
      <PageHeader
        title="揭榜评审任务"
        sub={`共 ${rows.length} 项，待评分 ${rows.filter((r) => r.status === 'assigned').length} 项。时间均为北京时间。`}
      />
      <DataTable<MyApplicationReview>
        error={list.error}
        onRetry={() => void list.refetch()}
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={list.isFetching}
        onRow={(r) => rowTestId(`app-reviews-row-${r.id}`)}
        scroll={{ x: 800 }}
        empty={<Empty description="暂无揭榜评审任务" />}
        pagination={{ defaultPageSize: 20 }}
      />
    </div>
  );
}
