import { useQuery, useQueryClient } from '@tanstack/react-query';
import { EditOutlined } from '@ant-design/icons';
import {
  CHALLENGE_ACTION_LABELS,
  CHALLENGE_FIELD_LABELS,
  CHALLENGE_STATE_LABELS,
  CHALLENGE_STEPS,
  deadlineCountdown,
  deliveryPeriodText,
  eligibilitySummary,
  formatReward,
  modeText,
  type ChallengeState,
} from '@scenebridge/contract/challenges/labels';
import { challengeLifecycle } from '@scenebridge/contract/challenges/lifecycle';
import { Alert, App, Button, Card, Descriptions, Space, Steps, Table, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { FullPageSpin } from '../../app/RequireAuth';
import { ActionButtons } from '../../shared/components/ActionButtons';
import { LoadError } from '../../shared/components/LoadError';
import { PageHeader } from '../../shared/components/PageHeader';
import { fmtTime } from '../../shared/time';
import { ChallengeApplyCard } from '../applications/ChallengeApplyCard';
import { useAccess } from '../auth/auth';
import { challengesApi, challengesKeys, type Challenge } from './api';
import { AwardPublicityButton } from './AwardPublicityButton';
import { ChallengeStatus } from './ChallengeStatus';
import { ChallengeWinners } from './ChallengeWinners';

/** Where the challenge stands on the steps; a terminated one shows where it stopped as an error. */
export function challengeStep(status: string): { current: number; error: boolean } {
  if (status === 'terminated') return { current: CHALLENGE_STEPS.length - 1, error: true };
  return { current: Math.max(0, (CHALLENGE_STEPS as readonly string[]).indexOf(status)), error: false };
}

function Steps_({ c }: { c: Challenge }) {
  const { current, error } = challengeStep(c.status);
  return (
    <Card style={{ marginBottom: 16 }}>
      <Steps
        size="small"
        current={current}
        status={error ? 'error' : undefined}
        items={CHALLENGE_STEPS.map((s) => ({ title: CHALLENGE_STATE_LABELS[s] }))}
        data-testid="challenge-steps"
      />
    </Card>
  );
}

export default function ChallengeDetail() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const access = useAccess();
  const q = useQuery({ queryKey: challengesKeys.detail(id), queryFn: () => challengesApi.get(id) });
  if (q.isLoading) return <FullPageSpin />;
  if (!q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;

  const run = async (action: string, reason?: string) => {
    const moved = await challengesApi.transition(c.id, action, reason);
    queryClient.setQueryData(challengesKeys.detail(c.id), moved);
    void queryClient.invalidateQueries({ queryKey: challengesKeys.all });
    void message.success(`已${CHALLENGE_ACTION_LABELS[action] ?? action}：${CHALLENGE_STATE_LABELS[moved.status as ChallengeState]}`);
  };

  return (
    <div>
      <PageHeader
        title={c.title}
        sub={
          <Space wrap>
            <ChallengeStatus status={c.status} />
            <span>发榜单位：{c.organizationName}</span>
          </Space>
        }
        extra={
          <Space wrap>
            {c.canEdit && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/challenges/${c.id}/edit`)} data-testid="challenge-edit">
                编辑
              </Button>
            )}
            {access.isOperator && ['under_review', 'publicity', 'awarded', 'in_milestones', 'completed'].includes(c.status) && (
              <Button onClick={() => navigate(`/challenges/${c.id}/review`)} data-testid="challenge-review">
                评审
              </Button>
            )}
            {access.isOperator && c.status === 'under_review' && <AwardPublicityButton challengeId={c.id} />}
            <ActionButtons
              actions={c.allowedActions}
              lifecycle={challengeLifecycle}
              testIdPrefix="challenge-action"
              labels={CHALLENGE_ACTION_LABELS}
              reasonLabels={{ return: '退回原因（将告知发榜单位）', terminate: '终止原因' }}
              confirmTexts={{
                submit_for_review: '提交后由运营方审核，审核期间不能修改。',
                approve: '审核通过后榜单立即公开发布，各单位可在截止前申报。',
                close: '截止后不再接受申报。',
              }}
              onRun={run}
            />
          </Space>
        }
      />
      {c.status === 'draft' && c.statusReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="运营方退回修改"
          description={c.statusReason}
          data-testid="challenge-returned"
        />
      )}
      {c.status === 'terminated' && c.statusReason && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title="榜单已终止" description={c.statusReason} />
      )}
      {c.changeSummary && c.status === 'pending_review' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`揭榜中修改，待重新审核（${fmtTime(c.changeSummary.at)}）`}
          description={`修改内容：${c.changeSummary.fields.map((f) => CHALLENGE_FIELD_LABELS[f] ?? f).join('、') || '无字段变化'}；说明：${c.changeSummary.note}`}
          data-testid="challenge-change-summary"
        />
      )}
      <Steps_ c={c} />
      <ChallengeApplyCard c={c} />
      {['awarded', 'in_milestones', 'completed'].includes(c.status) && <ChallengeWinners challengeId={c.id} />}
      <Card title="榜单概要" style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'reward', label: '榜单金额', children: formatReward(c.rewardFen) },
            {
              key: 'deadline',
              label: '申报截止（北京时间）',
              children: `${fmtTime(c.applicationDeadline)}${c.status === 'open' ? `（${deadlineCountdown(new Date(c.applicationDeadline), new Date())}）` : ''}`,
            },
            { key: 'period', label: '实施周期', children: deliveryPeriodText(c.deliveryPeriod) },
            { key: 'mode', label: '揭榜方式', children: modeText(c.mode) },
            {
              key: 'problem',
              label: '需要解决的问题',
              span: 'filled',
              children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.problem}</Typography.Paragraph>,
            },
          ]}
        />
      </Card>
      <Card title="考核指标" style={{ marginBottom: 16 }}>
        <Table
          size="small"
          pagination={false}
          rowKey={(_r, i) => String(i)}
          dataSource={c.indicators}
          columns={[
            { title: '指标', dataIndex: 'name' },
            { title: '目标值', dataIndex: 'target' },
            { title: '单位', dataIndex: 'unit' },
            { title: '测量方法', dataIndex: 'method' },
          ]}
        />
      </Card>
      <Card title="里程碑与支付" style={{ marginBottom: 16 }}>
        <Table
          size="small"
          pagination={false}
          rowKey={(_r, i) => String(i)}
          dataSource={c.milestones}
          columns={[
            { title: '里程碑', dataIndex: 'name' },
            { title: '支付比例', dataIndex: 'percent', render: (v: number) => `${v}%` },
            { title: '交付物', dataIndex: 'deliverables' },
          ]}
        />
      </Card>
      <Card title="申报条件与评审办法" style={{ marginBottom: 16 }}>
        <ul>
          {eligibilitySummary(c.eligibility).map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
        <Typography.Paragraph>评审指标：{c.reviewScheme.criteria.map((k) => `${k.name} ${k.weight}%`).join('、')}</Typography.Paragraph>
      </Card>
    </div>
  );
}
