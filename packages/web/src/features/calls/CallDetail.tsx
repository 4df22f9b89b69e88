import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { EditOutlined, FormOutlined, TrophyOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { isCallEditable } from '@scenebridge/contract/calls/lifecycle';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Progress,
  Row,
  Skeleton,
  Space,
  Statistic,
  Steps,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { callsApi, callsKeys } from './api';
import { CallActionButtons } from './CallActions';
import { callStages, closedEarly, currentStage, reviewProgress } from './call-detail';
import { useAccess, useUser } from '../auth/auth';
import { reviewApi, reviewKeys } from '../review/api';
import { submissionsApi, submissionsKeys } from '../submissions/api';
import { FullPageSpin } from '../../app/RequireAuth';
import { DataTable } from '../../shared/components/DataTable';
import { LoadError } from '../../shared/components/LoadError';
import { PageHeader } from '../../shared/components/PageHeader';
import { StatusTag } from '../../shared/components/StatusTag';
import { actionLabel } from '../../shared/labels';
import { useMeta } from '../../shared/meta';
import { useIsPhone } from '../../shared/responsive';
import { rowTestId } from '../../shared/testid';
import { fmtTime } from '../../shared/time';
import type { Call, SubmissionListItem } from '../../shared/types';

/** States with a ranking to look at (as on the calls list): 评审中 and 结果已发布. */
const REVIEW_STATES = new Set(['reviewing', 'results_published']);

/** The operator's review progress: assignments scored, items ranked and decided (GET /calls/:id/ranking). */
function ReviewProgressCard({ call }: { call: Call }) {
  const inReview = REVIEW_STATES.has(call.status);
  const ranking = useQuery({ queryKey: reviewKeys.ranking(call.id), queryFn: () => reviewApi.ranking(call.id), enabled: inReview });
  const p = ranking.data ? reviewProgress(ranking.data) : null;
  return (
    <Card title="评审进度" style={{ marginBottom: 16 }} data-testid="call-review-progress">
      {!inReview ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="开始评审后，这里显示评审任务和遴选的进度" />
      ) : !p ? (
        ranking.error ? (
          <LoadError error={ranking.error} onRetry={() => void ranking.refetch()} />
        ) : (
          <Skeleton active paragraph={{ rows: 4 }} />
        )
      ) : p.items === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有进入评审的项目" />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <div>
            <Typography.Text>
              评审任务已完成 <span data-testid="progress-scored">{p.scored}</span> /{' '}
              <span data-testid="progress-assignments">{p.assignments}</span>（{p.reviewers} 名专家）
            </Typography.Text>
            <Progress percent={p.assignments ? Math.floor((p.scored / p.assignments) * 100) : 0} size="small" />
            {p.assignments === 0 && <Typography.Text type="secondary">尚未分配评审专家</Typography.Text>}
            {p.overdue > 0 && <Typography.Text type="danger">其中 {p.overdue} 项已逾期</Typography.Text>}
          </div>
          <Row gutter={[12, 12]}>
            <Col span={12}>
              <Statistic title="已有排名" value={p.ranked} suffix={`/ ${p.items}`} />
            </Col>
            <Col span={12}>
              <Statistic title={`评满（每项 ${call.reviewScheme.reviewersPerItem} 人）`} value={p.fullyScored} suffix={`/ ${p.items}`} />
            </Col>
            <Col span={12}>
              <Statistic title="入选" value={p.selected} styles={{ content: { color: '#389e0d' } }} />
            </Col>
            <Col span={12}>
              <Statistic title="不入选" value={p.rejected} />
            </Col>
            <Col span={12}>
              <Statistic title="待发布" value={p.awaitingPublication} />
            </Col>
            <Col span={12}>
              <Statistic title="已发布" value={p.published} />
            </Col>
          </Row>
        </Space>
      )}
    </Card>
  );
}

/** The call's items: for the operator every submitted one (drafts are the organisations' own), for an organisation its own. */
function CallSubmissions({ call }: { call: Call }) {
  const user = useUser();
  const access = useAccess();
  const op = user.isOperator;
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const refusal = access.refusal('listSubmissions');
  const query = { callId: call.id, page, pageSize };
  const list = useQuery({
    queryKey: submissionsKeys.list(query),
    queryFn: () => submissionsApi.submissions(query),
    enabled: refusal === null,
    placeholderData: keepPreviousData,
  });
  const columns: ColumnsType<SubmissionListItem> = [
    {
      title: '名称',
      dataIndex: 'title',
      minWidth: 200,
      render: (v: string, r) => (
        <Link to={`/submissions/${r.id}`} data-testid="call-submission-link">
          {v || '（未命名）'}
        </Link>
      ),
    },
    ...(op ? [{ title: '填报单位', dataIndex: 'organizationName', width: 180 }] : []),
    { title: '状态', dataIndex: 'status', width: 110, render: (v: string) => <StatusTag kind="submission" status={v} /> },
    { title: '提交时间', dataIndex: 'submittedAt', width: 150, render: (v: string | null) => fmtTime(v) },
  ];
  const empty = op
    ? '暂无已提交的填报'
    : call.acceptingSubmissions && access.can('draft')
      ? '本单位尚未填报此征集，点击“填报”开始'
      : '本单位没有此征集的填报';
  return (
    <Card
      title={op ? '各单位的填报' : '本单位的填报'}
      style={{ marginBottom: 16 }}
      extra={
        refusal === null && (
          <Link to={`/submissions?callId=${call.id}`} data-testid="call-detail-submissions-all">
            在填报记录中查看
          </Link>
        )
      }
    >
      <DataTable<SubmissionListItem>
        blocked={refusal}
        error={list.error}
        onRetry={() => void list.refetch()}
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        onRow={(r) => rowTestId(`call-submission-row-${r.id}`)}
        scroll={{ x: op ? 640 : 460 }}
        empty={empty}
        pagination={{
          current: list.data?.page ?? page,
          pageSize: list.data?.pageSize ?? pageSize,
          total: list.data?.total ?? 0,
          hideOnSinglePage: true,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 项`,
          onChange: (p, ps) => {
            setPage(p);
            setPageSize(ps);
          },
        }}
      />
    </Card>
  );
}

export default function CallDetail() {
  const { id = '' } = useParams();
  const user = useUser();
  const access = useAccess();
  const op = user.isOperator;
  const meta = useMeta();
  const phone = useIsPhone();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const call = useQuery({ queryKey: callsKeys.detail(id), queryFn: () => callsApi.call(id) });

  if (call.isFetching && !call.data) return <FullPageSpin />;
  if (!call.data) return <LoadError error={call.error} onRetry={() => void call.refetch()} />;
  const c = call.data;

  const run = async (action: string, reason?: string) => {
    const next = await callsApi.callTransition(c.id, action, reason);
    queryClient.setQueryData(callsKeys.detail(id), next);
    void message.success(`「${c.title}」已${actionLabel(action)}`);
    void queryClient.invalidateQueries({ queryKey: callsKeys.all });
    void queryClient.invalidateQueries({ queryKey: submissionsKeys.all });
    void queryClient.invalidateQueries({ queryKey: reviewKeys.ranking(id) });
  };

  const stages = callStages(c, (iso) => fmtTime(iso));
  const scheme = c.reviewScheme;

  return (
    <div>
      <PageHeader
        title={
          <Space wrap>
            {c.title}
            <StatusTag kind="call" status={c.status} />
          </Space>
        }
        sub={`${meta.listType(c.listType)}征集 · 时间均为北京时间`}
        extra={
          <Space wrap>
            <Button icon={<UnorderedListOutlined />} onClick={() => navigate('/calls')} data-testid="call-detail-back">
              {op ? '征集管理' : '在线征集'}
            </Button>
            {op && isCallEditable(c.status) && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/calls/${c.id}/edit`)} data-testid="call-edit">
                编辑
              </Button>
            )}
            {op && REVIEW_STATES.has(c.status) && (
              <Button icon={<TrophyOutlined />} onClick={() => navigate(`/calls/${c.id}/review`)} data-testid="call-review-link">
                {c.status === 'reviewing' ? '评审与遴选' : '评审结果'}
              </Button>
            )}
            {op && <CallActionButtons actions={c.allowedActions} onRun={run} />}
            {!op && c.acceptingSubmissions && access.can('draft') && (
              <Button
                type="primary"
                icon={<FormOutlined />}
                onClick={() => navigate(`/submissions/new?callId=${c.id}`)}
                data-testid="call-fill"
              >
                填报
              </Button>
            )}
          </Space>
        }
      />
      {c.status === 'cancelled' && (
        <Alert
          type="warning"
          showIcon
          title="该征集已取消"
          description={c.statusReason ? `原因：${c.statusReason}` : undefined}
          style={{ marginBottom: 16 }}
          data-testid="call-cancelled"
        />
      )}
      <Card title="征集进度" style={{ marginBottom: 16 }}>
        <Steps
          data-testid="call-stages"
          orientation={phone ? 'vertical' : 'horizontal'}
          size="small"
          current={currentStage(stages)}
          items={stages.map((s) => ({
            key: s.key,
            title: s.title,
            status: s.status,
            content: s.lines.length ? (
              <span data-testid={`call-stage-${s.key}`}>
                {s.lines.map((l, i) => (
                  <span key={i} style={{ display: 'block' }}>
                    {l}
                  </span>
                ))}
              </span>
            ) : undefined,
          }))}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} md={op ? 16 : 24}>
          <Card title="征集信息" style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={phone ? 1 : 2}
              items={[
                { key: 'type', label: '清单类型', children: meta.listType(c.listType) },
                { key: 'status', label: '状态', children: <StatusTag kind="call" status={c.status} /> },
                { key: 'opens', label: '开始时间', children: fmtTime(c.opensAt) },
                {
                  key: 'closes',
                  label: '截止时间',
                  children: (
                    <span data-testid="call-deadline">
                      {fmtTime(c.closesAt)}
                      {closedEarly(c) && (
                        <Tag color="orange" style={{ marginInlineStart: 8 }} data-testid="call-closed-early">
                          已于 {fmtTime(c.closedAt)} 提前截止
                        </Tag>
                      )}
                    </span>
                  ),
                },
                { key: 'count', label: '已提交项目', children: `${c.submissionCount} 项` },
                ...(op ? [{ key: 'created', label: '创建时间', children: fmtTime(c.createdAt) }] : []),
                {
                  key: 'scheme',
                  label: '评审方案',
                  span: phone ? 1 : 2,
                  children: `每项 ${scheme.reviewersPerItem} 名专家${scheme.blind ? '，盲评' : ''}；指标：${scheme.criteria
                    .map((x) => `${x.name} ${x.weight}%`)
                    .join('、')}`,
                },
                {
                  key: 'desc',
                  label: '征集说明',
                  span: phone ? 1 : 2,
                  children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.description}</Typography.Paragraph>,
                },
              ]}
            />
          </Card>
          <CallSubmissions call={c} />
        </Col>
        {op && (
          <Col xs={24} md={8}>
            <ReviewProgressCard call={c} />
          </Col>
        )}
      </Row>
    </div>
  );
}
