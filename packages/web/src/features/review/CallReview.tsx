import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Statistic,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../shared/http';
import { callsApi, callsKeys } from '../calls/api';
import { publicBatchUrl } from '../publication/api';
import { reviewApi, reviewKeys } from './api';
import { submissionsApi } from '../submissions/api';
import { AssignmentStatusTag, fmtScore } from './AssignmentStatusTag';
import { LoadError } from '../../shared/components/LoadError';
import { PageHeader } from '../../shared/components/PageHeader';
import { ReasonModal } from '../../shared/components/ReasonModal';
import { FullPageSpin } from '../../app/RequireAuth';
import { StatusTag } from '../../shared/components/StatusTag';
import { useErrorToast } from '../../shared/hooks';
import { useMeta } from '../../shared/meta';
import { reviewCounts } from './review-counts';
import { PublishModal } from './PublishModal';
import { rowTestId } from '../../shared/testid';
import { dayjs, fromPickerValue } from '../../shared/time';
import type {
  AssignmentStatus,
  AutoAssignResult,
  Batch,
  RankingItem,
  RankingReview,
  Reviewer,
  ReviewerProgressRow,
} from '../../shared/types';
import { DataTable } from '../../shared/components/DataTable';
import { ExportButton } from '../../shared/components/ExportButton';

const disabledPast = (d: Dayjs) => d.isBefore(dayjs(), 'day');
const active = (r: RankingReview) => r.status !== 'conflict_declared';

function rankText(r: RankingItem) {
  if (r.rank == null) return '—';
  return r.tied ? `${r.rank}（并列）` : String(r.rank);
}

/** Due-time picker in Beijing time (see time.ts), shared by the auto and the manual assignment. */
function DuePicker({ value, onChange, testId }: { value: Dayjs | null; onChange: (d: Dayjs | null) => void; testId: string }) {
  return (
    <DatePicker
      showTime={{ format: 'HH:mm' }}
      format="YYYY-MM-DD HH:mm"
      placeholder="评审截止时间（选填）"
      value={value}
      onChange={(d) => onChange(d)}
      disabledDate={disabledPast}
      style={{ width: 220 }}
      data-testid={testId}
    />
  );
}

function AssignResult({ result, titles }: { result: AutoAssignResult; titles: Map<string, string> }) {
  const short = result.shortfalls;
  return (
    <Alert
      type={short.length ? 'warning' : 'success'}
      showIcon
      closable
      style={{ marginTop: 12 }}
      data-testid="review-assign-result"
      data-created={result.created}
      title={`新建评审任务 ${result.created} 个（评审中 ${result.items} 项，专家 ${result.reviewers} 名）${result.created === 0 ? '，各项已分配足额' : ''}`}
      description={
        short.length ? (
          <div>
            <div>以下 {short.length} 项符合回避规则的专家不足，已分配全部可用专家，可手动指派或增加专家后再次分配：</div>
            <ul style={{ margin: '4px 0 0', paddingLeft: 20, maxHeight: 180, overflow: 'auto' }} data-testid="review-shortfalls">
              {short.map((s) => (
                <li key={s.itemId}>
                  {titles.get(s.itemId) ?? s.itemId}：需 {s.needed} 名，可用 {s.eligible} 名
                </li>
              ))}
            </ul>
          </div>
        ) : undefined
      }
    />
  );
}

function ReviewsOfItem({ item, canEdit, onChange }: { item: RankingItem; canEdit: boolean; onChange: () => void }) {
  const { message } = App.useApp();
  const toast = useErrorToast();
  const unassign = async (r: RankingReview) => {
    try {
      await reviewApi.removeAssignment(r.assignmentId);
      void message.success(`已撤销 ${r.reviewerName} 的评审任务`);
      onChange();
    } catch (e) {
      toast(e);
    }
  };
  const columns: ColumnsType<RankingReview> = [
    { title: '专家', dataIndex: 'reviewerName', width: 160 },
    { title: '状态', dataIndex: 'status', width: 100, render: (v: AssignmentStatus) => <AssignmentStatusTag status={v} /> },
    { title: '得分', dataIndex: 'weightedScore', width: 90, align: 'right', render: (v: number | null) => fmtScore(v) },
    { title: '回避原因', dataIndex: 'conflictReason', render: (v: string | null) => v || '—' },
    {
      title: '操作',
      key: 'op',
      width: 90,
      render: (_v, r) =>
        canEdit && r.status === 'assigned' ? (
          <Popconfirm
            title={`撤销 ${r.reviewerName} 的评审任务？`}
            description="仅未提交评分的任务可以撤销。"
            okText="撤销"
            cancelText="取消"
            okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }}
            onConfirm={() => unassign(r)}
          >
            <Button size="small" type="link" danger data-testid="review-unassign">
              撤销
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];
  return (
    <DataTable<RankingReview>
      size="small"
      rowKey="assignmentId"
      columns={columns}
      dataSource={item.reviews}
      pagination={false}
      empty="尚未分配评审专家"
      data-testid={`ranking-reviews-${item.id}`}
      style={{ maxWidth: 760 }}
    />
  );
}

function AssignModal({ callId, item, onClose, onDone }: { callId: string; item: RankingItem; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const reviewers = useQuery({ queryKey: reviewKeys.reviewers, queryFn: reviewApi.reviewers });
  const [reviewerId, setReviewerId] = useState<string>();
  const [due, setDue] = useState<Dayjs | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const assigned = new Set(item.reviews.filter(active).map((r) => r.reviewerUserId));
  const declined = new Set(item.reviews.filter((r) => !active(r)).map((r) => r.reviewerUserId));
  const note = (r: Reviewer) =>
    assigned.has(r.id)
      ? '（已分配）'
      : declined.has(r.id)
        ? '（已声明回避）'
        : r.organizationName === item.organizationName
          ? '（同单位）'
          : '';

  const ok = async () => {
    if (!reviewerId) {
      setError('请选择评审专家');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await reviewApi.assignReviewer(callId, item.id, reviewerId, due ? fromPickerValue(due) : undefined);
      void message.success('已指派评审专家');
      onDone();
    } catch (e) {
      // CONFLICT_OF_INTEREST / ALREADY_ASSIGNED come with the reason in Chinese.
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title="指派评审专家"
      okText="指派"
      cancelText="取消"
      okButtonProps={{ loading: busy, 'data-testid': 'assign-confirm' }}
      onOk={() => void ok()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        项目：<Typography.Text strong>{item.title}</Typography.Text>（{item.organizationName}）
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="assign-error" />}
      <LoadError error={reviewers.error} onRetry={() => void reviewers.refetch()} />
      <Form layout="vertical">
        <Form.Item label="评审专家" required>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={reviewers.isFetching}
            value={reviewerId}
            onChange={(v) => {
              setReviewerId(v);
              setError(null);
            }}
            placeholder="选择专家（可输入姓名或单位搜索）"
            options={(reviewers.data ?? []).map((r) => ({
              value: r.id,
              label: `${r.displayName} · ${r.organizationName}${note(r)}`,
              disabled: assigned.has(r.id),
            }))}
            data-testid="assign-reviewer"
          />
        </Form.Item>
        <Form.Item label="评审截止时间" extra="北京时间；不填则不设截止时间。">
          <DuePicker value={due} onChange={setDue} testId="assign-due" />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">系统会检查回避规则：同单位、已声明关联单位或已对该项声明回避的专家不能指派。</Typography.Text>
    </Modal>
  );
}

function ProgressTable({ rows }: { rows: ReviewerProgressRow[] }) {
  const columns: ColumnsType<ReviewerProgressRow> = [
    { title: '专家', dataIndex: 'name' },
    { title: '已分配', dataIndex: 'assigned', width: 80, align: 'right' },
    { title: '已提交', dataIndex: 'submitted', width: 80, align: 'right' },
    { title: '待评', dataIndex: 'pending', width: 80, align: 'right' },
    { title: '回避', dataIndex: 'conflicts', width: 80, align: 'right' },
    {
      title: '逾期',
      dataIndex: 'overdue',
      width: 80,
      align: 'right',
      render: (v: number) =>
        v > 0 ? (
          <Typography.Text type="danger" strong>
            {v}
          </Typography.Text>
        ) : (
          0
        ),
    },
  ];
  return (
    <DataTable<ReviewerProgressRow>
      size="small"
      rowKey="reviewerUserId"
      columns={columns}
      dataSource={rows}
      pagination={false}
      onRow={(r) => rowTestId(`progress-row-${r.reviewerUserId}`)}
      empty="尚未分配评审任务"
      scroll={{ y: 260 }}
    />
  );
}

export default function CallReview() {
  const { id = '' } = useParams();
  const meta = useMeta();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const queryClient = useQueryClient();
  const call = useQuery({ queryKey: callsKeys.detail(id), queryFn: () => callsApi.call(id) });
  const ranking = useQuery({ queryKey: reviewKeys.ranking(id), queryFn: () => reviewApi.ranking(id) });
  const reloadRanking = () => void queryClient.invalidateQueries({ queryKey: reviewKeys.ranking(id) });

  const [due, setDue] = useState<Dayjs | null>(null);
  const [assigning, setAssigning] = useState(false);
  const [assignResult, setAssignResult] = useState<AutoAssignResult | null>(null);
  const [selectedKeys, setSelectedKeys] = useState<string[]>([]);
  const [statusFilter, setStatusFilter] = useState('');
  const [q, setQ] = useState('');
  const [onlySpread, setOnlySpread] = useState(false);
  const [rejectOpen, setRejectOpen] = useState(false);
  const [selecting, setSelecting] = useState(false);
  const [returnFor, setReturnFor] = useState<RankingItem | null>(null);
  const [assignFor, setAssignFor] = useState<RankingItem | null>(null);
  const [publishOpen, setPublishOpen] = useState(false);
  const [published, setPublished] = useState<Batch | null>(null);

  const items = ranking.data?.items ?? [];
  const titles = useMemo(() => new Map(items.map((i) => [i.id, i.title])), [items]);
  const counts = useMemo(() => {
    const c: Record<string, number> = {};
    for (const i of items) c[i.status] = (c[i.status] ?? 0) + 1;
    return c;
  }, [items]);

  if ((call.isFetching && !call.data) || (ranking.isFetching && !ranking.data)) return <FullPageSpin />;
  if (!call.data || !ranking.data)
    return (
      <LoadError
        error={call.error ?? ranking.error}
        onRetry={() => {
          void call.refetch();
          void ranking.refetch();
        }}
      />
    );
  const c = call.data;
  const reviewing = c.status === 'reviewing';
  // A batch leaves the call in review; after the operator's publish_results, undecided items can still be
  // selected and published in a further batch (the server allows both), but no longer assigned.
  const canDecide = reviewing || c.status === 'results_published';
  const k = c.reviewScheme.reviewersPerItem;
  const summary = reviewCounts(items, k);
  // What 发布批次 publishes: selected and not yet in a batch.
  const selectedCount = summary.awaitingPublication;
  const underStaffed = items.filter((i) => i.status === 'in_review' && i.reviews.filter(active).length < k).length;

  const reload = () => {
    reloadRanking();
    void queryClient.invalidateQueries({ queryKey: callsKeys.detail(id) });
  };

  const autoAssign = async () => {
    setAssigning(true);
    try {
      const r = await reviewApi.autoAssign(c.id, due ? fromPickerValue(due) : undefined);
      setAssignResult(r);
      reloadRanking();
    } catch (e) {
      toast(e);
    } finally {
      setAssigning(false);
    }
  };

  const decide = async (action: 'select' | 'reject', reason?: string) => {
    const r = await reviewApi.decideSelection(c.id, selectedKeys, action, reason);
    void message.success(`${r.moved} 项已${action === 'select' ? '入选' : '标记为不入选'}`);
    setSelectedKeys([]);
    reloadRanking();
  };

  const bulkSelect = async () => {
    setSelecting(true);
    try {
      await decide('select');
    } catch (e) {
      toast(e);
    } finally {
      setSelecting(false);
    }
  };

  const shown = items.filter(
    (i) =>
      (!statusFilter || i.status === statusFilter) &&
      (!onlySpread || i.spreadFlag) &&
      (!q.trim() || i.title.includes(q.trim()) || i.organizationName.includes(q.trim())),
  );

  const columns: ColumnsType<RankingItem> = [
    {
      title: '排名',
      dataIndex: 'rank',
      width: 84,
      render: (_v, r) => <span data-testid="ranking-rank">{rankText(r)}</span>,
    },
    {
      title: '名称',
      dataIndex: 'title',
      render: (v: string, r) => (
        <Link to={`/submissions/${r.id}`} data-testid="ranking-link">
          {v || '（未命名）'}
        </Link>
      ),
    },
    { title: '单位', dataIndex: 'organizationName', width: 150 },
    { title: '状态', dataIndex: 'status', width: 90, render: (v: string) => <StatusTag kind="submission" status={v} /> },
    {
      title: '平均分',
      dataIndex: 'mean',
      width: 112,
      align: 'right',
      render: (v: number | null, r) => (
        <Space size={4}>
          {r.trimmed && (
            <Tooltip title="评分达5个及以上，已去掉一个最高分和一个最低分">
              <Tag color="blue" style={{ marginInlineEnd: 0 }} data-testid="ranking-trimmed">
                去高低
              </Tag>
            </Tooltip>
          )}
          <Typography.Text strong={v != null}>{fmtScore(v)}</Typography.Text>
        </Space>
      ),
    },
    {
      title: '评分数',
      key: 'count',
      width: 72,
      align: 'right',
      render: (_v, r) => {
        const n = r.reviews.filter(active).length;
        return (
          <Tooltip title={`已提交 ${r.count} 份 / 已分配 ${n} 名专家（每项 ${k} 名）`}>
            <Typography.Text type={r.status === 'in_review' && n < k ? 'warning' : undefined}>
              {r.count}/{n}
            </Typography.Text>
          </Tooltip>
        );
      },
    },
    {
      title: '分差',
      dataIndex: 'spread',
      width: 118,
      align: 'right',
      render: (v: number, r) => (
        <Space size={4}>
          {r.spreadFlag && (
            <Tooltip title={`最高 ${fmtScore(r.max)}，最低 ${fmtScore(r.min)}，专家意见分歧较大，建议复核`}>
              <Tag color="warning" style={{ marginInlineEnd: 0 }} data-testid="ranking-spread-flag">
                分歧较大
              </Tag>
            </Tooltip>
          )}
          {r.count >= 2 ? fmtScore(v) : '—'}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'op',
      width: 96,
      fixed: 'right',
      render: (_v, r) =>
        r.status === 'in_review' && canDecide ? (
          <Space orientation="vertical" size={0} align="start">
            {reviewing && (
              <Button size="small" type="link" onClick={() => setAssignFor(r)} data-testid="ranking-assign">
                指派专家
              </Button>
            )}
            <Button size="small" type="link" danger onClick={() => setReturnFor(r)} data-testid="ranking-return">
              退回修改
            </Button>
          </Space>
        ) : null,
    },
  ];

  return (
    <div>
      <PageHeader
        title={
          <Space wrap>
            评审与遴选
            <StatusTag kind="call" status={c.status} />
          </Space>
        }
        sub={`${c.title} · ${meta.listType(c.listType)} · 每项 ${k} 名专家${c.reviewScheme.blind ? '，盲评' : ''}；指标：${c.reviewScheme.criteria.map((x) => `${x.name} ${x.weight}%`).join('、')}`}
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/calls')}>
              返回征集管理
            </Button>
            <Button icon={<ReloadOutlined />} onClick={reload} loading={ranking.isFetching} data-testid="ranking-reload">
              刷新
            </Button>
            <ExportButton
              path={`/calls/${c.id}/ranking/export.xlsx`}
              filters={{ status: statusFilter, q: q.trim(), spread: onlySpread ? 'true' : undefined }}
            />
          </Space>
        }
      />
      {!reviewing && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            c.status === 'results_published'
              ? '本征集已发布结果批次，不能再分配评审任务；尚未决定的项目仍可入选或不入选，并发布新的批次。'
              : '本征集不在评审阶段，不能分配评审任务或遴选。'
          }
        />
      )}
      {published && (
        <Alert
          type="success"
          showIcon
          closable
          style={{ marginBottom: 16 }}
          data-testid="publish-result"
          title={`已发布「${published.title}」，共 ${published.entryCount} 条`}
          description={
            <Space wrap>
              <a href={publicBatchUrl(published.id)} target="_blank" rel="noreferrer" data-testid="publish-result-link">
                查看公开页面
              </a>
              <Link to={`/batches/${published.id}`}>批次管理与勘误</Link>
            </Space>
          }
        />
      )}

      <Flex gap={16} wrap align="stretch" style={{ marginBottom: 16 }}>
        <Card size="small" style={{ flex: '1 1 420px' }} title="评审分配">
          <Flex gap={24} wrap style={{ marginBottom: 12 }}>
            <Statistic title="评审中" value={summary.inReview} suffix="项" />
            <Statistic
              title="专家不足"
              value={underStaffed}
              suffix="项"
              styles={{ content: underStaffed ? { color: '#d46b08' } : undefined }}
            />
            <Statistic title="已评完" value={summary.fullyScored} suffix="项" />
            <Statistic title="已入选" value={summary.selected} suffix="项" data-testid="review-count-selected" />
            <Statistic title="其中已发布" value={summary.published} suffix="项" data-testid="review-count-published" />
            <Statistic title="未入选" value={summary.rejected} suffix="项" />
          </Flex>
          {reviewing && (
            <Space wrap>
              <DuePicker value={due} onChange={setDue} testId="review-due" />
              <Button type="primary" loading={assigning} onClick={() => void autoAssign()} data-testid="review-auto-assign">
                一键分配
              </Button>
              <Typography.Text type="secondary">每项 {k} 名专家，负载均衡并自动回避；再次执行只补足缺额。</Typography.Text>
            </Space>
          )}
          {assignResult && <AssignResult result={assignResult} titles={titles} />}
        </Card>
        <Card size="small" style={{ flex: '1 1 420px' }} title="专家进度" styles={{ body: { padding: 0 } }}>
          <ProgressTable rows={ranking.data.reviewers} />
        </Card>
      </Flex>

      <Card
        title="评审排名"
        extra={<Typography.Text type="secondary">平均分：5 份及以上评分时去掉最高最低分；分差 = 最高 − 最低</Typography.Text>}
      >
        <Flex justify="space-between" wrap gap={12} style={{ marginBottom: 12 }}>
          <Space wrap>
            <Select
              style={{ width: 140 }}
              value={statusFilter}
              onChange={(v) => {
                setStatusFilter(v);
                setSelectedKeys([]);
              }}
              options={[
                { value: '', label: `全部（${items.length}）` },
                ...Object.entries(counts).map(([s, n]) => ({ value: s, label: `${meta.submissionState(s)}（${n}）` })),
              ]}
              aria-label="按状态筛选"
              data-testid="ranking-filter-status"
            />
            <Input.Search
              allowClear
              placeholder="名称或单位"
              style={{ width: 220 }}
              onSearch={(v) => {
                setQ(v);
                setSelectedKeys([]);
              }}
              onChange={(e) => !e.target.value && setQ('')}
              aria-label="按关键词筛选"
              data-testid="ranking-filter-q"
            />
            <Checkbox
              checked={onlySpread}
              onChange={(e) => {
                setOnlySpread(e.target.checked);
                setSelectedKeys([]);
              }}
              data-testid="ranking-filter-spread"
            >
              仅看分歧较大
            </Checkbox>
          </Space>
          <Space wrap>
            {canDecide && (
              <>
                <Typography.Text type="secondary">已选 {selectedKeys.length} 项</Typography.Text>
                <Popconfirm
                  title={`确定将选中的 ${selectedKeys.length} 项设为入选吗？`}
                  okText="入选"
                  cancelText="取消"
                  okButtonProps={{ 'data-testid': 'confirm-ok' }}
                  onConfirm={bulkSelect}
                  disabled={selectedKeys.length === 0}
                >
                  <Button type="primary" ghost disabled={selectedKeys.length === 0} loading={selecting} data-testid="ranking-select-bulk">
                    入选
                  </Button>
                </Popconfirm>
                <Button danger disabled={selectedKeys.length === 0} onClick={() => setRejectOpen(true)} data-testid="ranking-reject-bulk">
                  不入选
                </Button>
              </>
            )}
            <Tooltip title={selectedCount ? undefined : '没有已入选的项目'}>
              <Button
                type="primary"
                disabled={selectedCount === 0 || !canDecide}
                onClick={() => setPublishOpen(true)}
                data-testid="publish-batch"
              >
                发布批次{selectedCount ? `（${selectedCount}）` : ''}
              </Button>
            </Tooltip>
          </Space>
        </Flex>
        <DataTable<RankingItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={shown}
          loading={ranking.isFetching}
          onRow={(r) => rowTestId(`ranking-row-${r.id}`)}
          rowSelection={
            canDecide
              ? {
                  selectedRowKeys: selectedKeys,
                  onChange: (keys) => setSelectedKeys(keys.map(String)),
                  getCheckboxProps: (r) => ({ disabled: r.status !== 'in_review', 'data-testid': 'ranking-check' }) as object,
                }
              : undefined
          }
          expandable={{
            expandedRowRender: (r) => <ReviewsOfItem item={r} canEdit={reviewing} onChange={reloadRanking} />,
            rowExpandable: () => true,
          }}
          scroll={{ x: 940 }}
          empty={<Empty description={items.length ? '没有符合筛选条件的项目' : '暂无评审中的项目'} />}
          pagination={{ defaultPageSize: 50, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200], showTotal: (t) => `共 ${t} 项` }}
        />
      </Card>

      {rejectOpen && (
        <ReasonModal
          open
          title={`不入选（${selectedKeys.length} 项）`}
          label="未入选原因"
          okText="确定不入选"
          onCancel={() => setRejectOpen(false)}
          onSubmit={async (reason) => {
            await decide('reject', reason);
            setRejectOpen(false);
          }}
        />
      )}
      {returnFor && (
        <ReasonModal
          open
          title={`退回修改：${returnFor.title}`}
          label="退回原因"
          okText="确定退回"
          onCancel={() => setReturnFor(null)}
          onSubmit={async (reason) => {
            await submissionsApi.submissionTransition(returnFor.id, 'return_for_revision', reason);
            void message.success(`「${returnFor.title}」已退回修改`);
            setReturnFor(null);
            reloadRanking();
          }}
        />
      )}
      {assignFor && (
        <AssignModal
          callId={c.id}
          item={assignFor}
          onClose={() => setAssignFor(null)}
          onDone={() => {
            setAssignFor(null);
            reloadRanking();
          }}
        />
      )}
      {publishOpen && (
        <PublishModal
          callId={c.id}
          listType={c.listType}
          selectedCount={selectedCount}
          onClose={() => setPublishOpen(false)}
          onDone={(b) => {
            setPublishOpen(false);
            setPublished(b);
            void message.success(`已发布「${b.title}」`);
            reload();
          }}
        />
      )}
    </div>
  );
}
