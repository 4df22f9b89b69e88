import { useQueryClient } from '@tanstack/react-query';
import { App, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { APPLICATION_ACTION_LABELS, formatReward } from '@scenebridge/contract/applications/labels';
import { applicationLifecycle } from '@scenebridge/contract/applications/lifecycle';
import { Link } from 'react-router-dom';
import { ActionButtons } from '../../shared/components/ActionButtons';
import { DataTable } from '../../shared/components/DataTable';
import { rowTestId } from '../../shared/testid';
import { ApplicationStatus } from '../applications/ApplicationStatus';
import { applicationsApi } from '../applications/api';
import { applicationReviewKeys, type ApplicationRanking } from './api';

type Item = ApplicationRanking['items'][number];
const score = (v: number | null) => (v == null ? '—' : v.toFixed(2));

/** The ranking with the operator's shortlist / propose buttons (the application's own transitions). */
export function RankingTable({ ranking, loading }: { ranking: ApplicationRanking; loading: boolean }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const run = async (id: string, action: string, reason?: string) => {
    await applicationsApi.transition(id, action, reason);
    void queryClient.invalidateQueries({ queryKey: applicationReviewKeys.ranking(ranking.challenge.id) });
    void message.success(`已${APPLICATION_ACTION_LABELS[action] ?? action}`);
  };
  const columns: ColumnsType<Item> = [
    { title: '排名', dataIndex: 'rank', width: 64, render: (v: number | null, r) => (v == null ? '—' : `${v}${r.tied ? '（并列）' : ''}`) },
    {
      title: '牵头单位 / 联合体',
      dataIndex: 'leadOrganizationName',
      render: (v: string, r) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/applications/${r.id}`}>{v}</Link>
          {r.memberOrganizationNames.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              成员：{r.memberOrganizationNames.join('、')}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: '报价', dataIndex: 'quoteFen', width: 120, render: (v: number) => formatReward(v) },
    {
      title: '平均分',
      dataIndex: 'mean',
      width: 110,
      render: (v: number | null, r) => (
        <Space size={4}>
          {score(v)}
          {r.spreadFlag && <Tag color="warning">分歧较大</Tag>}
        </Space>
      ),
    },
    {
      title: '已评 / 分配',
      key: 'count',
      width: 96,
      render: (_v, r) => `${r.count} / ${r.reviews.filter((x) => x.status !== 'conflict_declared').length}`,
    },
    { title: '状态', dataIndex: 'status', width: 90, render: (v: string) => <ApplicationStatus status={v} /> },
    {
      title: '操作',
      key: 'op',
      width: 220,
      render: (_v, r) => (
        <ActionButtons
          size="small"
          actions={r.allowedActions}
          lifecycle={applicationLifecycle}
          labels={APPLICATION_ACTION_LABELS}
          testIdPrefix="ranking-action"
          testIdSuffix={r.id}
          reasonLabels={{ not_award: '不予入围原因（将告知申报单位）' }}
          onRun={(action, reason) => run(r.id, action, reason)}
        />
      ),
    },
  ];
  return (
    <DataTable<Item>
      rowKey="id"
      columns={columns}
      dataSource={ranking.items}
      loading={loading}
      onRow={(r) => rowTestId(`ranking-row-${r.id}`)}
      scroll={{ x: 900 }}
      pagination={false}
    />
  );
}
