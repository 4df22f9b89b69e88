import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, InputNumber, Space, Typography } from 'antd';
import { formatReward } from '@scenebridge/contract/applications/labels';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ExportButton } from '../../shared/components/ExportButton';
import { LoadError } from '../../shared/components/LoadError';
import { PageHeader } from '../../shared/components/PageHeader';
import { useErrorToast } from '../../shared/hooks';
import { useIsPhone } from '../../shared/responsive';
import { FullPageSpin } from '../../app/RequireAuth';
import { applicationReviewApi, applicationReviewKeys } from './api';
import { DefenceSlots } from './DefenceSlots';
import { RankingTable } from './RankingTable';

/** The operator's 评审 page of a challenge: assign reviewers, the ranking with shortlist/propose, defence slots. */
export default function ChallengeReview() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const phone = useIsPhone();
  const queryClient = useQueryClient();
  const ranking = useQuery({ queryKey: applicationReviewKeys.ranking(id), queryFn: () => applicationReviewApi.ranking(id) });
  const [k, setK] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  if (ranking.isFetching && !ranking.data) return <FullPageSpin />;
  if (!ranking.data) return <LoadError error={ranking.error} onRetry={() => void ranking.refetch()} />;
  const r = ranking.data;
  const underReview = r.challenge.status === 'under_review';
  const winners = r.challenge.mode === 'horse_race' ? (r.challenge.maxTeams ?? 1) : 1;

  const assign = async () => {
    setBusy(true);
    try {
      const res = await applicationReviewApi.autoAssign(id, k ?? undefined);
      void message.success(
        `已新分配 ${res.created} 项评审任务${res.shortfalls.length ? `；${res.shortfalls.length} 份申报可分配的专家不足` : ''}`,
      );
      void queryClient.invalidateQueries({ queryKey: applicationReviewKeys.ranking(id) });
    } catch (e) {
      toast(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <PageHeader
        title={`评审：${r.challenge.title}`}
        sub={`奖励 ${formatReward(r.challenge.rewardFen)} · ${r.challenge.mode === 'horse_race' ? `赛马，至多 ${winners} 个团队中榜` : '单一中榜'} · ${
          r.challenge.reviewScheme.blind ? '盲评' : '实名评审'
        }`}
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/challenges/${id}`)}>
              返回榜单
            </Button>
            <ExportButton path={`/challenges/${id}/review/ranking/export.xlsx`} />
          </Space>
        }
      />
      {!underReview && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="榜单不在评审阶段：可查看排名，不能分配专家、安排答辩或拟定中榜" />
      )}
      {underReview && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Flex gap={8} wrap align="center">
            <span>每份申报评审专家</span>
            <InputNumber
              min={1}
              max={20}
              value={k}
              placeholder={String(r.challenge.reviewScheme.reviewersPerItem)}
              onChange={(v) => setK(typeof v === 'number' ? v : null)}
              style={{ width: 96 }}
              data-testid="assign-k"
            />
            <span>人</span>
            <Button type="primary" loading={busy} onClick={() => void assign()} data-testid="assign-auto">
              一键分配
            </Button>
            <Typography.Text type="secondary">自动回避牵头单位、全部联合体成员单位及专家声明的关联单位，负载均衡。</Typography.Text>
          </Flex>
        </Card>
      )}
      {/* On a phone the table's scroll hint needs the card's padding, or it touches the card's edge. */}
      <Card title="评审排名" style={{ marginBottom: 16 }} styles={{ body: { padding: phone ? 12 : 0 } }}>
        <RankingTable ranking={r} loading={ranking.isFetching} />
      </Card>
      <DefenceSlots
        challengeId={id}
        editable={underReview}
        applications={r.items
          .filter((i) => ['submitted', 'shortlisted', 'proposed'].includes(i.status))
          .map((i) => ({ id: i.id, name: i.leadOrganizationName }))}
      />
    </div>
  );
}
