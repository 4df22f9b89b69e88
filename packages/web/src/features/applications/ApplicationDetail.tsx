import { useQuery, useQueryClient } from '@tanstack/react-query';
import { EditOutlined } from '@ant-design/icons';
import {
  APPLICATION_ACTION_LABELS,
  APPLICATION_STATE_LABELS,
  formatReward,
  type ApplicationState,
} from '@scenebridge/contract/applications/labels';
import { applicationLifecycle } from '@scenebridge/contract/applications/lifecycle';
import { Alert, App, Button, Card, Descriptions, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { FullPageSpin } from '../../app/RequireAuth';
import { ActionButtons } from '../../shared/components/ActionButtons';
import { LoadError } from '../../shared/components/LoadError';
import { PageHeader } from '../../shared/components/PageHeader';
import { errorMessage } from '../../shared/http';
import { fmtTime } from '../../shared/time';
import { challengesApi, challengesKeys } from '../challenges/api';
import { applicationsApi, applicationsKeys, type Application, type ApplicationWithFiles } from './api';
import { ApplicationAttachments } from './ApplicationAttachments';
import { ApplicationStatus, MemberStatus } from './ApplicationStatus';

/** A member organisation's admin answers its place in the consortium. */
function MembershipCard({ a, onChange }: { a: Application; onChange: (next: ApplicationWithFiles) => void }) {
  const { message } = App.useApp();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (!a.myMembership) return null;
  const decide = async (decision: 'confirm' | 'decline') => {
    setBusy(true);
    try {
      onChange(await applicationsApi.decide(a.id, decision, decision === 'decline' ? reason : undefined));
      void message.success(decision === 'confirm' ? '已确认加入联合体' : '已拒绝加入联合体');
      setDeclining(false);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="本单位在联合体中的位置" style={{ marginBottom: 16 }} data-testid="membership-card">
      <Space wrap>
        <span>
          {a.leadOrganizationName}邀请本单位作为联合体成员揭榜，当前状态：
          <MemberStatus status={a.myMembership.status} />
        </span>
        {a.myMembership.canDecide && a.myMembership.status === 'invited' && (
          <Button type="primary" loading={busy} onClick={() => void decide('confirm')} data-testid="membership-confirm">
            确认加入
          </Button>
        )}
        {a.myMembership.canDecide && a.myMembership.status !== 'declined' && (
          <Button danger onClick={() => setDeclining(true)} data-testid="membership-decline">
            拒绝加入
          </Button>
        )}
        {!a.myMembership.canDecide && a.myMembership.status === 'invited' && (
          <Typography.Text type="secondary">由本单位管理员确认或拒绝。</Typography.Text>
        )}
      </Space>
      <Modal
        open={declining}
        title="拒绝加入联合体"
        okText="确认拒绝"
        okButtonProps={{ danger: true, loading: busy }}
        onOk={() => void decide('decline')}
        onCancel={() => setDeclining(false)}
      >
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="原因（将告知牵头单位，可不填）" />
      </Modal>
    </Card>
  );
}

export default function ApplicationDetail() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery({ queryKey: applicationsKeys.detail(id), queryFn: () => applicationsApi.get(id) });
  // Only for the milestones' names: the schedule still shows, numbered, if it cannot be read.
  const challengeId = q.data?.challengeId;
  const challenge = useQuery({
    queryKey: challengesKeys.detail(challengeId ?? ''),
    queryFn: () => challengesApi.get(challengeId!),
    enabled: !!challengeId,
  });
  if (q.isLoading) return <FullPageSpin />;
  if (!q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const a = q.data;
  const set = (next: ApplicationWithFiles) => {
    queryClient.setQueryData(applicationsKeys.detail(a.id), next);
    void queryClient.invalidateQueries({ queryKey: applicationsKeys.all });
  };
  const run = async (action: string, reason?: string) => {
    const moved = await applicationsApi.transition(a.id, action, reason);
    set(moved);
    void message.success(`已${APPLICATION_ACTION_LABELS[action] ?? action}：${APPLICATION_STATE_LABELS[moved.status as ApplicationState]}`);
  };
  const pending = a.members.filter((m) => m.status !== 'confirmed');
  const milestones = challenge.data?.milestones ?? [];
  const memberReasons = a.members.some((m) => m.reason);

  return (
    <div>
      <PageHeader
        title={`揭榜申报：${a.challengeTitle}`}
        sub={
          <Space wrap>
            <ApplicationStatus status={a.status} />
            <span>牵头单位：{a.leadOrganizationName}</span>
            <Link to={`/challenges/${a.challengeId}`}>查看榜单</Link>
          </Space>
        }
        extra={
          <Space wrap>
            {a.canEdit && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/applications/${a.id}/edit`)} data-testid="application-edit">
                编辑
              </Button>
            )}
            <ActionButtons
              actions={a.allowedActions}
              lifecycle={applicationLifecycle}
              testIdPrefix="application-action"
              labels={{ ...APPLICATION_ACTION_LABELS, withdraw: a.status === 'draft' ? '放弃申报' : '撤回申报' }}
              reasonLabels={{ not_award: '不予入围的原因（将告知申报单位）' }}
              confirmTexts={{
                submit: '提交后不能修改；截止前可撤回。截止时间以服务器时间为准。',
                withdraw: '撤回后本单位及联合体成员可另行申报。',
              }}
              onRun={run}
            />
          </Space>
        }
      />
      {/* Only the lead can submit: a member sees its own place in the card below instead. */}
      {a.canEdit && a.status === 'draft' && pending.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="联合体成员尚未全部确认，暂不能提交"
          description={pending.map((m) => `${m.organizationName}（${m.status === 'declined' ? '已拒绝' : '待确认'}）`).join('、')}
          data-testid="application-pending-members"
        />
      )}
      {a.statusReason && <Alert type="info" showIcon style={{ marginBottom: 16 }} title="说明" description={a.statusReason} />}
      <MembershipCard a={a} onChange={set} />
      <Card title="申报概要" style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'quote', label: '报价', children: formatReward(a.quoteFen) },
            { key: 'deadline', label: '申报截止（北京时间）', children: fmtTime(a.challengeDeadline) },
            { key: 'leader', label: '团队负责人', children: `${a.teamLeader.name}（${a.teamLeader.title}，${a.teamLeader.phone}）` },
            { key: 'submitted', label: '提交时间', children: a.submittedAt ? fmtTime(a.submittedAt) : '未提交' },
          ]}
        />
      </Card>
      {/* A card of its own, not a Descriptions item: on a phone the label column left the plan a narrow strip. */}
      <Card title="实施方案" style={{ marginBottom: 16 }}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', margin: 0 }} data-testid="application-plan-text">
          {a.plan}
        </Typography.Paragraph>
      </Card>
      <Card title="进度计划" style={{ marginBottom: 16 }}>
        <Table
          size="small"
          pagination={false}
          rowKey={(_r, i) => String(i)}
          dataSource={a.schedule.map((s, i) => ({ ...s, n: i + 1 }))}
          columns={[
            {
              title: '里程碑',
              dataIndex: 'n',
              render: (n: number) => {
                const m = milestones[n - 1];
                return m ? `${n}. ${m.name}（支付 ${m.percent}%）` : `第${n}个里程碑`;
              },
            },
            { title: '计划完成日期', dataIndex: 'plannedDate', width: 120 },
          ]}
        />
      </Card>
      <Card title="联合体成员" style={{ marginBottom: 16 }}>
        {a.members.length === 0 ? (
          <Typography.Text type="secondary">独立申报，无联合体成员。</Typography.Text>
        ) : (
          <Table
            size="small"
            pagination={false}
            rowKey="organizationId"
            dataSource={a.members}
            data-testid="application-members-table"
            columns={[
              {
                // The credit code under the name, not in a column of its own: a phone has room for two columns.
                title: '成员单位',
                dataIndex: 'organizationName',
                render: (name: string, m) => (
                  <Space orientation="vertical" size={0}>
                    {name}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      统一社会信用代码 {m.creditCode}
                    </Typography.Text>
                  </Space>
                ),
              },
              {
                title: '状态',
                dataIndex: 'status',
                width: 90,
                render: (s: Application['members'][number]['status']) => <MemberStatus status={s} />,
              },
              ...(memberReasons ? [{ title: '说明', dataIndex: 'reason', render: (r: string | null) => r ?? '' }] : []),
            ]}
          />
        )}
      </Card>
      <ApplicationAttachments a={a} />
    </div>
  );
}
