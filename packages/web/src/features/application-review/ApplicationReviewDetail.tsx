import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { formatReward } from '@scenebridge/contract/applications/labels';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { LoadError } from '../../shared/components/LoadError';
import { PageHeader } from '../../shared/components/PageHeader';
import { ReasonModal } from '../../shared/components/ReasonModal';
import { FullPageSpin } from '../../app/RequireAuth';
import { fmtTime } from '../../shared/time';
import { AssignmentStatusTag } from '../review/AssignmentStatusTag';
import { applicationReviewApi, applicationReviewKeys } from './api';
import { ScoreForm } from './ScoreForm';

/** One 揭榜 application as its reviewer sees it (blind: no applicant names), with the scoring form. */
export default function ApplicationReviewDetail() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const res = useQuery({ queryKey: applicationReviewKeys.detail(id), queryFn: () => applicationReviewApi.detail(id) });
  const [conflictOpen, setConflictOpen] = useState(false);
  if (res.isFetching && !res.data) return <FullPageSpin />;
  if (!res.data) return <LoadError error={res.error} onRetry={() => void res.refetch()} />;
  const a = res.data;
  const app = a.application;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: applicationReviewKeys.all });

  return (
    <div>
      <PageHeader
        title={
          <Space wrap>
            {a.challenge.title}
            <AssignmentStatusTag status={a.status} />
          </Space>
        }
        sub={`奖励 ${formatReward(a.challenge.rewardFen)}${a.dueAt ? ` · 评审截止 ${fmtTime(a.dueAt)}` : ''}`}
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/application-reviews')}>
              返回列表
            </Button>
            {a.status === 'assigned' && (
              <Button danger onClick={() => setConflictOpen(true)} data-testid="app-review-conflict">
                声明回避
              </Button>
            )}
          </Space>
        }
      />
      {a.status === 'conflict_declared' && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="您已声明回避" description={a.conflictReason ?? undefined} />
      )}
      <Flex gap={16} wrap align="flex-start">
        <div style={{ flex: '1 1 520px', minWidth: 0 }}>
          <Card title="申报内容" style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'lead',
                  label: '牵头单位',
                  children: app.leadOrganizationName ?? <Tag>匿名评审</Tag>,
                },
                {
                  key: 'members',
                  label: '联合体',
                  children: app.memberOrganizationNames
                    ? app.memberOrganizationNames.join('、') || '无（独立申报）'
                    : app.consortiumSize
                      ? `${app.consortiumSize} 家成员单位（盲评隐去名称）`
                      : '无（独立申报）',
                },
                ...(app.teamLeader
                  ? [{ key: 'leader', label: '团队负责人', children: `${app.teamLeader.name}（${app.teamLeader.title}）` }]
                  : []),
                { key: 'quote', label: '报价', children: formatReward(app.quoteFen) },
                {
                  key: 'schedule',
                  label: '里程碑计划',
                  children: a.challenge.milestones.map((m, i) => `${m.name}：${app.schedule[i]?.plannedDate ?? '—'}`).join('；'),
                },
              ]}
            />
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12, wordBreak: 'break-word' }}>
              {app.plan}
            </Typography.Paragraph>
          </Card>
          <Card title="榜单问题与指标">
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{a.challenge.problem}</Typography.Paragraph>
            {a.challenge.indicators.map((x) => (
              <div key={x.name}>
                {x.name}：{x.target}
                {x.unit}（{x.method}）
              </div>
            ))}
          </Card>
        </div>
        <Card title="评分" style={{ flex: '0 1 400px', minWidth: 0, width: '100%' }}>
          <ScoreForm key={`${a.id}-${a.status}`} a={a} onSaved={refresh} />
        </Card>
      </Flex>
      <ReasonModal
        open={conflictOpen}
        title="声明回避"
        label="回避原因"
        okText="确认回避"
        onCancel={() => setConflictOpen(false)}
        onSubmit={async (reason) => {
          const r = await applicationReviewApi.declareConflict(a.id, reason);
          setConflictOpen(false);
          void message.success(r.reassignedTo ? '已声明回避，已改派其他专家' : '已声明回避；暂无可改派的专家，运营方将另行安排');
          refresh();
          void navigate('/application-reviews');
        }}
      />
    </div>
  );
}
