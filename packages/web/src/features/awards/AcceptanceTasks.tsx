import { useQuery } from '@tanstack/react-query';
import type { AcceptanceTask } from '@scenebridge/contract/awards';
import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { DataTable } from '../../shared/components/DataTable';
import { PageHeader } from '../../shared/components/PageHeader';
import { rowTestId } from '../../shared/testid';
import { awardsApi, awardsKeys } from './api';
import { MilestoneStatus } from './AwardStatus';

/** 我的验收任务: the expert's milestone acceptances, open ones first. */
export default function AcceptanceTasks() {
  const list = useQuery({ queryKey: awardsKeys.tasks, queryFn: awardsApi.tasks });
  const columns: ColumnsType<AcceptanceTask> = [
    {
      title: '里程碑',
      key: 'milestone',
      minWidth: 200,
      render: (_v, r) => (
        <Link to={`/awards/${r.awardId}`} data-testid="acceptance-task-link">
          {r.milestoneSeq}. {r.milestoneName}
        </Link>
      ),
    },
    { title: '榜单', dataIndex: 'challengeTitle', minWidth: 200 },
    { title: '中榜单位', dataIndex: 'organizationName', width: 180 },
    { title: '轮次', dataIndex: 'round', width: 70 },
    { title: '里程碑状态', dataIndex: 'milestoneStatus', width: 120, render: (v: string) => <MilestoneStatus status={v} /> },
    {
      title: '我的意见',
      key: 'mine',
      width: 110,
      render: (_v, r) => (r.open ? <Tag color="gold">待登记</Tag> : r.verdict ? <Tag>已登记</Tag> : <Tag>已结束</Tag>),
    },
  ];
  return (
    <div>
      <PageHeader title="我的验收任务" sub="被指派为验收专家的里程碑。请在任务书页面登记验收意见。" />
      <DataTable<AcceptanceTask>
        error={list.error}
        onRetry={() => void list.refetch()}
        rowKey="acceptorId"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.isFetching}
        onRow={(r) => rowTestId(`acceptance-task-${r.acceptorId}`)}
        scroll={{ x: 800 }}
        empty="暂无验收任务"
      />
    </div>
  );
}
