import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, List, Row, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { errorMessage } from '../../shared/http';
import { callsApi, callsKeys } from '../calls/api';
import { organizationsApi, organizationsKeys } from '../organizations/api';
import { LicencePanel } from '../organizations/LicencePanel';
import { ProfilePanel } from '../organizations/ProfilePanel';
import { reviewApi } from '../review/api';
import { submissionsApi } from '../submissions/api';
import { useAccess, useAuth, useUser } from '../auth/auth';
import { StatusTag } from '../../shared/components/StatusTag';
import { useMeta } from '../../shared/meta';
import { fmtTime } from '../../shared/time';
import type { Call } from '../../shared/types';

interface Counts {
  [key: string]: number | undefined;
}

async function total(p: Promise<{ total: number }>): Promise<number | undefined> {
  try {
    return (await p).total;
  } catch {
    return undefined;
  }
}

/** The open calls listed on the home page. */
const OPEN_CALLS = { status: 'open', pageSize: 5 };

function OrgBanner() {
  const user = useUser();
  const { refresh } = useAuth();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const org = user.organization;
  const detail = useQuery({
    queryKey: organizationsKeys.detail(org.id),
    queryFn: () => organizationsApi.organization(org.id),
    enabled: org.status === 'rejected',
  });
  if (org.status === 'approved') return null;
  if (org.status === 'pending') {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="org-pending-banner"
        title="机构信息待审核"
        description={
          <Space orientation="vertical" style={{ width: '100%' }}>
            <span>{`「${org.name}」的注册信息正在由运营方审核。审核通过后即可填报场景需求和场景能力。`}</span>
            <LicencePanel organizationId={org.id} canUpload={user.isOrgAdmin} />
          </Space>
        }
      />
    );
  }
  const reapply = async () => {
    setBusy(true);
    try {
      await organizationsApi.organizationTransition(org.id, 'reapply');
      void message.success('已重新提交审核');
      await refresh();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const canReapply = detail.data ? detail.data.allowedActions.includes('reapply') : user.isOrgAdmin;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="org-rejected-banner"
      title="机构审核未通过"
      description={
        <Space orientation="vertical">
          <span>驳回原因：{detail.data?.statusReason || (detail.isFetching ? '加载中…' : '未说明')}</span>
          <span>请根据驳回原因核实机构信息（如需可重新上传营业执照）后重新提交审核。</span>
          <LicencePanel organizationId={org.id} canUpload={user.isOrgAdmin} />
        </Space>
      }
      action={
        canReapply ? (
          <Button type="primary" loading={busy} onClick={() => void reapply()} data-testid="org-reapply">
            重新提交审核
          </Button>
        ) : undefined
      }
    />
  );
}

function Stat({ title, value, to, testId }: { title: string; value: number | undefined; to: string; testId: string }) {
  return (
    <Col xs={12} md={6}>
      <Link to={to} data-testid={testId}>
        <Card hoverable>
          <Statistic title={title} value={value ?? '—'} />
        </Card>
      </Link>
    </Col>
  );
}

function OpenCalls({ calls }: { calls: Call[] }) {
  const meta = useMeta();
  const navigate = useNavigate();
  const mayDraft = useAccess().can('draft');
  return (
    <Card title="正在征集" extra={<Link to="/calls">全部征集</Link>}>
      <List
        dataSource={calls}
        locale={{ emptyText: '当前没有正在进行的征集' }}
        renderItem={(c) => (
          <List.Item
            data-testid={`home-call-${c.id}`}
            actions={
              c.acceptingSubmissions && mayDraft
                ? [
                    <Button
                      key="fill"
                      type="primary"
                      size="small"
                      onClick={() => navigate(`/submissions/new?callId=${c.id}`)}
                      data-testid={`call-fill-${c.id}`}
                    >
                      填报
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space>
                  {c.title}
                  <StatusTag kind="call" status={c.status} />
                </Space>
              }
              description={`${meta.listType(c.listType)} · 截止 ${fmtTime(c.closesAt)}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

export default function Home() {
  const user = useUser();
  const access = useAccess();
  const op = user.isOperator;
  const listsSubmissions = access.can('listSubmissions');
  // A reviewer who is not also an organisation user has no submissions: show the review workload instead.
  const reviewerOnly = !op && access.isReviewer && !listsSubmissions;
  // A broker or an organisation under review has no submissions either: only the open calls.
  const callsOnly = !op && !reviewerOnly && !listsSubmissions;
  const counts = useQuery<Counts>({
    // The numbers differ by role; the cache is emptied whenever the user changes.
    queryKey: ['home', 'counts', { op, reviewerOnly, callsOnly }],
    queryFn: async () => {
      if (callsOnly) return { openCalls: await total(callsApi.calls({ status: 'open', pageSize: 1 })) };
      if (reviewerOnly) {
        const [openCalls, mine] = await Promise.all([
          total(callsApi.calls({ status: 'open', pageSize: 1 })),
          reviewApi.myAssignments().catch(() => undefined),
        ]);
        return {
          openCalls,
          reviewPending: mine?.filter((a) => a.status === 'assigned').length,
          reviewOverdue: mine?.filter((a) => a.overdue).length,
          reviewSubmitted: mine?.filter((a) => a.status === 'submitted').length,
          reviewAll: mine?.length,
        };
      }
      if (op) {
        const [pendingOrgs, openCalls, submitted, all] = await Promise.all([
          total(organizationsApi.organizations({ status: 'pending', pageSize: 1 })),
          total(callsApi.calls({ status: 'open', pageSize: 1 })),
          total(submissionsApi.submissions({ status: 'submitted', pageSize: 1 })),
          total(submissionsApi.submissions({ pageSize: 1 })),
        ]);
        return { pendingOrgs, openCalls, submitted, all };
      }
      const [openCalls, drafts, returned, all] = await Promise.all([
        total(callsApi.calls({ status: 'open', pageSize: 1 })),
        total(submissionsApi.submissions({ status: 'draft', pageSize: 1 })),
        total(submissionsApi.submissions({ status: 'returned_for_revision', pageSize: 1 })),
        total(submissionsApi.submissions({ pageSize: 1 })),
      ]);
      return { openCalls, drafts, returned, all };
    },
  });
  const openCalls = useQuery({ queryKey: callsKeys.list(OPEN_CALLS), queryFn: () => callsApi.calls(OPEN_CALLS) });
  const c = counts.data ?? {};

  return (
    <div>
      <Typography.Title level={1} style={{ marginTop: 0, fontSize: 24, lineHeight: 1.35 }}>
        工作台
      </Typography.Title>
      <Typography.Paragraph type="secondary">您好，{user.displayName}。</Typography.Paragraph>
      <OrgBanner />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {reviewerOnly ? (
          <>
            <Stat title="待评分" value={c.reviewPending} to="/reviews?status=assigned" testId="stat-review-pending" />
            <Stat title="已逾期" value={c.reviewOverdue} to="/reviews?status=assigned" testId="stat-review-overdue" />
            <Stat title="已提交评分" value={c.reviewSubmitted} to="/reviews?status=submitted" testId="stat-review-submitted" />
            <Stat title="全部评审任务" value={c.reviewAll} to="/reviews" testId="stat-review-all" />
          </>
        ) : callsOnly ? (
          <Stat title="正在征集" value={c.openCalls} to="/calls" testId="stat-open-calls" />
        ) : op ? (
          <>
            <Stat title="待审核机构" value={c.pendingOrgs} to="/organizations" testId="stat-pending-orgs" />
            <Stat title="征集中" value={c.openCalls} to="/calls" testId="stat-open-calls" />
            <Stat title="待处理填报" value={c.submitted} to="/submissions?status=submitted" testId="stat-submitted" />
            <Stat title="填报总数" value={c.all} to="/submissions" testId="stat-all-submissions" />
          </>
        ) : (
          <>
            <Stat title="正在征集" value={c.openCalls} to="/calls" testId="stat-open-calls" />
            <Stat title="我的草稿" value={c.drafts} to="/submissions?status=draft" testId="stat-drafts" />
            <Stat title="退回修改" value={c.returned} to="/submissions?status=returned_for_revision" testId="stat-returned" />
            <Stat title="全部填报" value={c.all} to="/submissions" testId="stat-all-submissions" />
          </>
        )}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <OpenCalls calls={openCalls.data?.items ?? []} />
        </Col>
        <Col xs={24} lg={8}>
          <Card title="快捷入口">
            <Space orientation="vertical" style={{ width: '100%' }}>
              {op && <Link to="/calls/new">发起新的征集</Link>}
              {op && <Link to="/organizations">审核机构注册</Link>}
              {user.roles.includes('reviewer') && <Link to="/reviews">评审任务</Link>}
              {user.roles.includes('reviewer') && <Link to="/reviews/relations">关联单位声明</Link>}
              {op && <Link to="/batches">发布批次与勘误</Link>}
              {listsSubmissions && <Link to="/submissions">查看填报记录</Link>}
              {access.can('import') && <Link to="/import">批量导入</Link>}
              <Link to="/search">检索与匹配</Link>
              {op && <Link to="/audit">审计日志与哈希链校验</Link>}
              <Link to="/account/password">修改密码</Link>
            </Space>
          </Card>
        </Col>
        {!op && user.organization.status === 'approved' && (user.isOrgAdmin || user.roles.includes('org_member')) && (
          <Col xs={24}>
            <Card title="本机构资质与信用" data-testid="home-org-profile">
              <ProfilePanel organizationId={user.organization.id} />
            </Card>
          </Col>
        )}
      </Row>
    </div>
  );
}
