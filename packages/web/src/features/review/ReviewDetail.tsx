import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ArrowLeftOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Divider, Flex, Input, InputNumber, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { NUMBER_RANGES, numberOutOfRange } from '@scenebridge/contract/forms';
import { useRef, useState, type RefObject } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../shared/http';
import { reviewApi, reviewKeys } from './api';
import { submissionsApi } from '../submissions/api';
import { AssignmentStatusTag, fmtScore } from './AssignmentStatusTag';
import { fmtSize } from '../submissions/Attachments';
import { LoadError } from '../../shared/components/LoadError';
import { PageHeader } from '../../shared/components/PageHeader';
import { ReasonModal } from '../../shared/components/ReasonModal';
import { FullPageSpin } from '../../app/RequireAuth';
import { SubmissionDataView } from '../submissions/SubmissionDataView';
import { useErrorToast, useUnsavedChangesPrompt } from '../../shared/hooks';
import { useMeta } from '../../shared/meta';
import { dayjs, fmtTime } from '../../shared/time';
import type { AssignmentDetail, Criterion, SubmissionData } from '../../shared/types';

type Scores = Record<string, number | null>;

const [SCORE_MIN, SCORE_MAX] = NUMBER_RANGES.score;
const SCORE_MESSAGE = numberOutOfRange('分数', NUMBER_RANGES.score);
const outOfRange = (v: number | null | undefined) => v != null && (v < SCORE_MIN || v > SCORE_MAX);

/** Σ weight × score / 100 over the scored criteria, 2 decimals (the server's figure once submitted). */
function weightedTotal(criteria: Criterion[], scores: Scores): number {
  const sum = criteria.reduce((acc, c) => acc + (scores[c.key] ?? 0) * c.weight, 0);
  return Math.round(sum) / 100;
}

interface ScoringProps {
  a: AssignmentDetail;
  /** Set while the form holds unsaved input (the page asks before leaving). */
  dirty: RefObject<boolean>;
  onSaved: (next: Partial<AssignmentDetail>) => void;
}

function ScoringCard({ a, dirty, onSaved }: ScoringProps) {
  const { message, modal } = App.useApp();
  const toast = useErrorToast();
  const editable = a.status === 'assigned';
  const [scores, setScores] = useState<Scores>(() => Object.fromEntries(a.criteria.map((c) => [c.key, a.scores[c.key] ?? null])));
  const [comments, setComments] = useState<Record<string, string>>(() =>
    Object.fromEntries(a.criteria.map((c) => [c.key, a.comments[c.key] ?? ''])),
  );
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const missing = a.criteria.filter((c) => scores[c.key] == null);
  const invalid = a.criteria.filter((c) => outOfRange(scores[c.key]));
  const total = weightedTotal(a.criteria, scores);

  const send = async (submit: boolean) => {
    setError(null);
    // The field shows its own message; nothing out of range is sent, and nothing is moved into range for the user.
    if (invalid.length) {
      setError(`${invalid.map((c) => c.name).join('、')}：${SCORE_MESSAGE}`);
      return;
    }
    setBusy(submit ? 'submit' : 'save');
    try {
      const s: Record<string, number> = {};
      for (const c of a.criteria) if (scores[c.key] != null) s[c.key] = scores[c.key]!;
      const cm: Record<string, string> = {};
      for (const c of a.criteria) if (comments[c.key]?.trim()) cm[c.key] = comments[c.key]!.trim();
      const saved = await reviewApi.saveScores(a.id, s, cm, submit);
      dirty.current = false;
      onSaved({ status: saved.status, scores: saved.scores, comments: saved.comments, weightedScore: saved.weightedScore });
      void message.success(submit ? '评分已提交' : '评分已保存，提交前可继续修改');
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'INCOMPLETE_SCORES' || e.code === 'VALIDATION_FAILED' || e.code === 'UNKNOWN_CRITERION'))
        setError(e.message);
      else toast(e);
    } finally {
      setBusy(null);
    }
  };

  const askSubmit = () => {
    if (invalid.length) {
      setError(`${invalid.map((c) => c.name).join('、')}：${SCORE_MESSAGE}`);
      return;
    }
    if (missing.length) {
      setError(`请为以下评审指标打分：${missing.map((c) => c.name).join('、')}`);
      return;
    }
    modal.confirm({
      title: '确定提交评分吗？',
      content: `加权总分 ${total.toFixed(2)} 分。提交后不可修改。`,
      okText: '提交评分',
      cancelText: '再检查一下',
      okButtonProps: { 'data-testid': 'confirm-ok' },
      onOk: () => send(true),
    });
  };

  return (
    <Card
      title="评分"
      extra={<Typography.Text type="secondary">每项 0–100 分</Typography.Text>}
      styles={{ body: { paddingTop: 8 } }}
      data-testid="review-form"
    >
      {a.criteria.map((c, i) => {
        const v = scores[c.key];
        return (
          <div key={c.key} data-testid={`review-criterion-${c.key}`}>
            {i > 0 && <Divider style={{ margin: '12px 0' }} />}
            <Flex justify="space-between" align="center" gap={8} style={{ marginBottom: 6 }}>
              <Typography.Text strong>
                {i + 1}. {c.name}
              </Typography.Text>
              <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                权重 {c.weight}%
              </Tag>
            </Flex>
            {editable ? (
              <>
                <Flex align="center" gap={12} style={{ marginBottom: 6 }}>
                  <InputNumber
                    step={1}
                    value={v}
                    placeholder="0–100"
                    suffix="分"
                    style={{ width: 140 }}
                    status={(error && v == null) || outOfRange(v) ? 'error' : undefined}
                    aria-invalid={outOfRange(v) || undefined}
                    onChange={(n) => {
                      dirty.current = true;
                      setScores((s) => ({ ...s, [c.key]: typeof n === 'number' ? n : null }));
                    }}
                    data-testid={`review-score-${c.key}`}
                  />
                  <Typography.Text type="secondary">
                    折合 {v == null || outOfRange(v) ? '—' : ((v * c.weight) / 100).toFixed(2)} 分
                  </Typography.Text>
                </Flex>
                {outOfRange(v) && (
                  <Typography.Text
                    type="danger"
                    style={{ display: 'block', marginBottom: 6 }}
                    role="alert"
                    data-testid={`review-score-error-${c.key}`}
                  >
                    {SCORE_MESSAGE}
                  </Typography.Text>
                )}
                <Input.TextArea
                  rows={2}
                  maxLength={2000}
                  value={comments[c.key]}
                  placeholder="评审意见（选填）"
                  onChange={(e) => {
                    dirty.current = true;
                    setComments((s) => ({ ...s, [c.key]: e.target.value }));
                  }}
                  data-testid={`review-comment-${c.key}`}
                />
              </>
            ) : (
              <>
                <div>
                  得分：
                  <Typography.Text strong data-testid={`review-score-${c.key}`}>
                    {v == null ? '—' : v}
                  </Typography.Text>
                  <Typography.Text type="secondary">（折合 {v == null ? '—' : ((v * c.weight) / 100).toFixed(2)} 分）</Typography.Text>
                </div>
                <Typography.Paragraph
                  type="secondary"
                  style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}
                  data-testid={`review-comment-${c.key}`}
                >
                  {comments[c.key] || '（无评审意见）'}
                </Typography.Paragraph>
              </>
            )}
          </div>
        );
      })}
      <Divider style={{ margin: '16px 0 12px' }} />
      <Flex justify="space-between" align="baseline">
        <Typography.Text>加权总分</Typography.Text>
        <Typography.Text strong style={{ fontSize: 24 }} data-testid="review-total">
          {a.status === 'submitted' && a.weightedScore != null ? fmtScore(a.weightedScore) : total.toFixed(2)}
        </Typography.Text>
      </Flex>
      {editable && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {missing.length ? `还有 ${missing.length} 项未打分` : '各项均已打分'}；总分 = Σ 权重 × 得分 ÷ 100
        </Typography.Text>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="review-error" />}
      {editable && (
        <Flex gap={8} wrap style={{ marginTop: 16 }}>
          <Button loading={busy === 'save'} disabled={busy === 'submit'} onClick={() => void send(false)} data-testid="review-save">
            保存
          </Button>
          <Button type="primary" loading={busy === 'submit'} disabled={busy === 'save'} onClick={askSubmit} data-testid="review-submit">
            提交评分
          </Button>
        </Flex>
      )}
    </Card>
  );
}

export default function ReviewDetail() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const meta = useMeta();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const queryClient = useQueryClient();
  const res = useQuery({ queryKey: reviewKeys.myAssignment(id), queryFn: () => reviewApi.myAssignment(id) });
  const [conflictOpen, setConflictOpen] = useState(false);
  const dirty = useRef(false);
  useUnsavedChangesPrompt(dirty);

  if (res.isFetching && !res.data) return <FullPageSpin />;
  if (!res.data) return <LoadError error={res.error} onRetry={() => void res.refetch()} />;
  const a = res.data;
  const s = a.submission;
  const overdue = a.status === 'assigned' && !!a.dueAt && dayjs(a.dueAt).isBefore(dayjs());

  const declareRelation = async () => {
    if (!s.organization) return;
    try {
      await reviewApi.declareRelation(s.organization.id, `评审“${s.title}”时声明`);
      void message.success(`已声明与「${s.organization.name}」存在关联，今后不会再向您分配该单位的项目`);
    } catch (e) {
      toast(e);
    }
  };

  return (
    <div>
      <PageHeader
        title={
          <Space wrap>
            {s.title || '（未命名）'}
            <AssignmentStatusTag status={a.status} />
          </Space>
        }
        sub={`${a.call.title} · ${meta.listType(s.listType)}`}
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/reviews')} data-testid="review-back">
              返回列表
            </Button>
            {a.status === 'assigned' && (
              <Button danger onClick={() => setConflictOpen(true)} data-testid="review-conflict">
                声明回避
              </Button>
            )}
          </Space>
        }
      />
      {a.status === 'submitted' && (
        <Alert type="success" showIcon title="评分已提交，不可修改" style={{ marginBottom: 16 }} data-testid="review-submitted" />
      )}
      {a.status === 'conflict_declared' && (
        <Alert
          type="info"
          showIcon
          title="您已声明回避，该任务已交由其他专家评审"
          description={a.conflictReason ? `回避原因：${a.conflictReason}` : undefined}
          style={{ marginBottom: 16 }}
        />
      )}
      {overdue && (
        <Alert type="warning" showIcon title={`已超过评审截止时间（${fmtTime(a.dueAt)}），请尽快完成评分`} style={{ marginBottom: 16 }} />
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            {
              key: 'org',
              label: '填报单位',
              children: s.organization ? (
                <Space size={4} wrap>
                  {s.organization.name}
                  {a.status === 'assigned' && (
                    <Popconfirm
                      title="声明为关联单位？"
                      description="声明后不会再向您分配该单位的项目。本任务如需回避，请另行点击“声明回避”。"
                      okText="声明"
                      cancelText="取消"
                      okButtonProps={{ 'data-testid': 'confirm-ok' }}
                      onConfirm={declareRelation}
                    >
                      <Button type="link" size="small" data-testid="review-declare-relation">
                        声明关联
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ) : (
                <Tag>匿名评审</Tag>
              ),
            },
            { key: 'due', label: '评审截止', children: a.dueAt ? fmtTime(a.dueAt) : '不限' },
            { key: 'mode', label: '评审方式', children: a.blind ? '盲评（隐去单位和联系方式）' : '实名' },
          ]}
        />
      </Card>
      <Flex gap={16} wrap align="flex-start">
        <div style={{ flex: '1 1 560px', minWidth: 0 }}>
          <Card title="填报内容" style={{ marginBottom: 16 }}>
            <SubmissionDataView listType={s.listType} data={s.data as SubmissionData} hideContact={a.blind} />
          </Card>
          <Card title="附件">
            <List
              size="small"
              bordered
              dataSource={s.attachments}
              locale={{ emptyText: '无附件' }}
              data-testid="attachment-list"
              renderItem={(f) => (
                <List.Item data-testid={`attachment-${f.id}`}>
                  <List.Item.Meta
                    avatar={<PaperClipOutlined />}
                    title={
                      <a href={submissionsApi.attachmentUrl(f.id)} download={f.filename} data-testid={`attachment-download-${f.id}`}>
                        {f.filename}
                      </a>
                    }
                    description={f.size != null ? `${fmtSize(f.size)}${f.createdAt ? ` · ${fmtTime(f.createdAt)}` : ''}` : undefined}
                  />
                </List.Item>
              )}
            />
          </Card>
        </div>
        <div style={{ flex: '0 1 420px', minWidth: 320, position: 'sticky', top: 16 }}>
          <ScoringCard
            key={a.id}
            a={a}
            dirty={dirty}
            onSaved={(next) => queryClient.setQueryData(reviewKeys.myAssignment(id), { ...a, ...next })}
          />
        </div>
      </Flex>
      <ReasonModal
        open={conflictOpen}
        title="声明回避"
        label="回避原因"
        okText="确认回避"
        onCancel={() => setConflictOpen(false)}
        onSubmit={async (reason) => {
          const r = await reviewApi.declareConflict(a.id, reason);
          dirty.current = false;
          setConflictOpen(false);
          void message.success(
            r.reassignedTo ? '已声明回避，该任务已改派给其他专家' : '已声明回避；暂无符合条件的专家可改派，运营方将另行安排',
            5,
          );
          void navigate('/reviews');
        }}
      />
    </div>
  );
}
