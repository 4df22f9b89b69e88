import { useQuery } from '@tanstack/react-query';
import type { ChallengeWinner, ChallengeWinnerList } from '@scenebridge/contract/challenge-awards';
import { AWARD_STATE_LABELS } from '@scenebridge/contract/awards/labels';
import { formatReward } from '@scenebridge/contract/challenges/labels';
import { Card, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { DataTable } from '../../shared/components/DataTable';
import { get } from '../../shared/http';
import { fmtTime } from '../../shared/time';

/** Once a challenge is awarded: 中榜单位, each linking to its task agreement (the award page). */
export function ChallengeWinners({ challengeId }: { challengeId: string }) {
  const q = useQuery({
    queryKey: ['challenges', 'winners', challengeId],
    queryFn: () => get<ChallengeWinnerList>(`/challenges/${encodeURIComponent(challengeId)}/awards`),
  });
  return (
    <Card title="中榜单位" style={{ marginBottom: 16 }} data-testid="challenge-winners">
      <DataTable<ChallengeWinner>
        size="small"
        rowKey="id"
        loading={q.isLoading}
        error={q.error}
        onRetry={() => void q.refetch()}
        empty="暂无中榜单位"
        pagination={false}
        dataSource={q.data?.items ?? []}
        columns={[
          {
            title: '中榜单位',
            key: 'org',
            render: (_: unknown, w: ChallengeWinner) => (
              <>
                {w.organizationName}
                {w.memberNames.length > 0 && <div style={{ color: '#666' }}>联合体成员：{w.memberNames.join('、')}</div>}
              </>
            ),
          },
          { title: '中榜金额', dataIndex: 'amountFen', render: (v: number) => formatReward(v) },
          {
            title: '任务书编号',
            dataIndex: 'agreementNo',
            render: (v: string, w: ChallengeWinner) => <Link to={`/awards/${w.id}`}>{v}</Link>,
          },
          { title: '状态', dataIndex: 'status', render: (v: ChallengeWinner['status']) => <Tag>{AWARD_STATE_LABELS[v] ?? v}</Tag> },
          { title: '中榜时间', dataIndex: 'awardedAt', render: (v: string) => fmtTime(v) },
        ]}
      />
    </Card>
  );
}
