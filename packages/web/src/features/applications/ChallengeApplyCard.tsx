import { useQuery } from '@tanstack/react-query';
import type { ChallengeDetail } from '@scenebridge/contract/challenges';
import { Button, Card, Space, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useAccess, useUser } from '../auth/auth';
import { EligibilityPanel } from '../eligibility/EligibilityPanel';
import { applicationsApi, applicationsKeys, type Application } from './api';
import { ApplicationStatus } from './ApplicationStatus';

/** How the caller's organisation takes part: a member that has not answered yet is asked to. */
function participation(a: Application, organizationId: string | undefined): string {
  if (a.leadOrganizationId === organizationId) return '本单位已牵头申报';
  const mine = a.members.find((m) => m.organizationId === organizationId);
  if (mine?.status === 'invited') return `${a.leadOrganizationName}邀请本单位加入其牵头申报的联合体，请确认`;
  if (mine?.status === 'declined') return `本单位已拒绝加入${a.leadOrganizationName}牵头申报的联合体`;
  return `本单位是${a.leadOrganizationName}牵头申报的联合体成员`;
}

/**
 * The challenge page's 揭榜 section. Another approved organisation's user sees whether it is
 * eligible and why (是否符合条件及原因), then starts its application or opens the one its
 * organisation takes part in. The operator — and the owner once the deadline has passed —
 * opens the challenge's applications.
 */
export function ChallengeApplyCard({ c }: { c: ChallengeDetail }) {
  const user = useUser();
  const access = useAccess();
  const navigate = useNavigate();
  const isOwner = access.isOrgUser && user.organization?.id === c.organizationId;
  const applicant = access.isOrgUser && !isOwner && c.status !== 'draft' && c.status !== 'pending_review';
  const mine = useQuery({
    queryKey: applicationsKeys.mine({ challengeId: c.id }),
    queryFn: () => applicationsApi.mine({ challengeId: c.id, page: 1, pageSize: 20 }),
    enabled: applicant,
  });
  const deadlinePassed = new Date(c.applicationDeadline).getTime() <= Date.now();
  if (access.isOperator || (isOwner && c.status !== 'draft' && c.status !== 'pending_review')) {
    return (
      <Card title="揭榜申报" style={{ marginBottom: 16 }}>
        {access.isOperator || deadlinePassed ? (
          <Button onClick={() => navigate(`/challenges/${c.id}/applications`)} data-testid="challenge-applications">
            查看揭榜申报
          </Button>
        ) : (
          <Typography.Text type="secondary">为保证公平，申报截止后发榜单位方可查看揭榜申报。</Typography.Text>
        )}
      </Card>
    );
  }
  if (!applicant) return null;
  const current = mine.data?.items.find((a) => a.status !== 'withdrawn');
  return (
    <Card title="我要揭榜" style={{ marginBottom: 16 }} data-testid="challenge-apply-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {c.acceptingApplications && <EligibilityPanel rules={c.eligibility as never} challengeRef={c.id} />}
        {current ? (
          <Space wrap>
            <span>{participation(current, user.organization?.id)}</span>
            <ApplicationStatus status={current.status} />
            <Button type="link" onClick={() => navigate(`/applications/${current.id}`)} data-testid="challenge-my-application">
              查看申报
            </Button>
          </Space>
        ) : c.acceptingApplications ? (
          <Button
            type="primary"
            disabled={!access.approved}
            onClick={() => navigate(`/challenges/${c.id}/apply`)}
            data-testid="challenge-apply"
          >
            我要揭榜（独立或牵头组建联合体）
          </Button>
        ) : (
          <Typography.Text type="secondary">本榜单当前不接受申报。</Typography.Text>
        )}
      </Space>
    </Card>
  );
}
