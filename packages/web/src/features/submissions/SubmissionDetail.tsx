import { useQuery, useQueryClient } from '@tanstack/react-query';
import { EditOutlined, TrophyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Modal, Space, Timeline, Typography } from 'antd';
import { isSubmissionEditable, submissionLifecycle } from '@scenebridge/contract/submissions/lifecycle';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../shared/http';
import { publicationApi } from '../publication/api';
import { submissionsApi, submissionsKeys } from './api';
import { useUser } from '../auth/auth';
import { CHALLENGE_STATE_LABELS } from '@scenebridge/contract/challenges/labels';
import { ActionButtons } from '../../shared/components/ActionButtons';
import { Attachments } from './Attachments';
import { Receipt } from './Receipt';
import { LoadError } from '../../shared/components/LoadError';
import { PageHeader } from '../../shared/components/PageHeader';
import { FullPageSpin } from '../../app/RequireAuth';
import { StatusTag } from '../../shared/components/StatusTag';
import { SubmissionDataView } from './SubmissionDataView';
import { actionLabel, fieldLabel, SUBMISSION_ACTION_LABELS } from '../../shared/labels';
import { useMeta } from '../../shared/meta';
import { fmtTime } from '../../shared/time';
import type { SubmissionData, ValidationDetail } from '../../shared/types';

/** 列入标杆案例: POST /submissions/:id/benchmark with the results achieved (≥ 10 characters). */
function BenchmarkModal({ submissionId, onClose, onDone }: { submissionId: string; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ resultsText: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ok = async () => {
    const { resultsText } = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await publicationApi.promoteBenchmark(submissionId, resultsText.trim());
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title="列入标杆案例"
      okText="列入标杆案例"
      cancelText="取消"
      okButtonProps={{ loading: busy, 'data-testid': 'benchmark-confirm' }}
      onOk={() => void ok().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">成效说明将在标杆案例清单中公开展示。</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="benchmark-error" />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="resultsText"
          label="应用成效"
          rules={[
            { required: true, whitespace: true, message: '请填写应用成效' },
            { min: 10, message: '应用成效至少10个字' },
            { max: 2000, message: '应用成效不能超过2000字' },
          ]}
        >
          <Input.TextArea
            rows={5}
            showCount
            maxLength={2000}
            placeholder="如：上线后巡检效率提升40%，年节约成本约200万元…"
            data-testid="benchmark-results"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const REASON_TITLES: Record<string, string> = {
  returned_for_revision: '退回原因',
  rejected: '未入选原因',
  withdrawn: '撤回原因',
  expired: '过期说明',
};

export default function SubmissionDetail() {
  const { id = '' } = useParams();
  const user = useUser();
  const meta = useMeta();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const sub = useQuery({ queryKey: submissionsKeys.detail(id), queryFn: () => submissionsApi.submission(id) });
  const history = useQuery({ queryKey: submissionsKeys.history(id), queryFn: () => submissionsApi.submissionHistory(id) });
  const [invalid, setInvalid] = useState<ValidationDetail[] | null>(null);
  const [benchmarkOpen, setBenchmarkOpen] = useState(false);

  if (sub.isFetching && !sub.data) return <FullPageSpin />;
  if (!sub.data) return <LoadError error={sub.error} onRetry={() => void sub.refetch()} />;
  const s = sub.data;
  const mine = s.organization.id === user.organization.id;
  const editable = mine && isSubmissionEditable(s.status);

  const run = async (action: string, reason?: string) => {
    setInvalid(null);
    try {
      const next = await submissionsApi.submissionTransition(s.id, action, reason);
      if (action === 'discard') {
        void message.success('草稿已删除');
        void queryClient.invalidateQueries({ queryKey: submissionsKeys.all });
        void navigate('/submissions');
        return;
      }
      queryClient.setQueryData(submissionsKeys.detail(id), next);
      const receipt = (action === 'submit' || action === 'resubmit') && next.receiptNo ? `，回执编号 ${next.receiptNo}` : '';
      void message.success(`已${SUBMISSION_ACTION_LABELS[action] ?? actionLabel(action)}${receipt}`);
      void queryClient.invalidateQueries({ queryKey: submissionsKeys.history(id) });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VALIDATION_FAILED') {
        setInvalid(e.fieldErrors.length ? e.fieldErrors : [{ path: '', message: e.message }]);
        return;
      }
      throw e;
    }
  };

  return (
    <div>
      <PageHeader
        title={
          <Space>
            {s.title || '（未命名）'}
            <StatusTag kind="submission" status={s.status} />
          </Space>
        }
        extra={
          <Space wrap>
            {editable && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/submissions/${s.id}/edit`)} data-testid="submission-edit">
                编辑
              </Button>
            )}
            <ActionButtons
              actions={s.allowedActions}
              lifecycle={submissionLifecycle}
              testIdPrefix="submission-action"
              labels={SUBMISSION_ACTION_LABELS}
              reasonLabels={{ return_for_revision: '退回原因', reject: '未入选原因' }}
              confirmTexts={{
                withdraw: '撤回后该填报将不再参加本次征集。',
                discard: '删除后该草稿不再出现在填报列表中，且不能恢复。',
                select: '入选后可在“评审与遴选”中发布批次。',
                award: '确定承接方后进入实施准备。',
                start_delivery: '项目进入实施阶段。',
                accept: '验收通过后可列入标杆案例。',
              }}
              onRun={run}
            />
            {mine && s.listType === 'scenario_need' && (s.status === 'published' || s.status === 'matching') && (
              <Button onClick={() => navigate(`/challenges/new?fromNeed=${s.id}`)} data-testid="submission-post-challenge">
                以此需求发榜（揭榜挂帅）
              </Button>
            )}
            {user.isOperator && s.status === 'accepted' && (
              <Button icon={<TrophyOutlined />} onClick={() => setBenchmarkOpen(true)} data-testid="benchmark-promote">
                列入标杆案例
              </Button>
            )}
          </Space>
        }
      />
      {s.statusReason && (
        <Alert
          type={s.status === 'returned_for_revision' ? 'warning' : 'info'}
          showIcon
          title={REASON_TITLES[s.status] ?? '状态说明'}
          description={s.statusReason}
          style={{ marginBottom: 16 }}
          data-testid="submission-status-reason"
        />
      )}
      {invalid && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setInvalid(null) }}
          title="内容不完整，暂不能提交"
          description={
            <div>
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {invalid.map((d, i) => (
                  <li key={i}>
                    {d.path ? `${fieldLabel(d.path)}：` : ''}
                    {d.message}
                  </li>
                ))}
              </ul>
              {editable && <Link to={`/submissions/${s.id}/edit`}>去编辑</Link>}
            </div>
          }
          style={{ marginBottom: 16 }}
          data-testid="submission-invalid"
        />
      )}
      {benchmarkOpen && (
        <BenchmarkModal
          submissionId={s.id}
          onClose={() => setBenchmarkOpen(false)}
          onDone={() => {
            setBenchmarkOpen(false);
            void message.success('已列入标杆案例');
            void queryClient.invalidateQueries({ queryKey: submissionsKeys.detail(id) });
            void queryClient.invalidateQueries({ queryKey: submissionsKeys.history(id) });
          }}
        />
      )}
      <Receipt s={s} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'call', label: '所属征集', children: s.callTitle },
            { key: 'type', label: '清单类型', children: meta.listType(s.listType) },
            { key: 'org', label: '填报单位', children: s.organization.name },
            { key: 'created', label: '创建时间', children: fmtTime(s.createdAt) },
            { key: 'updated', label: '更新时间', children: fmtTime(s.updatedAt) },
            { key: 'submitted', label: '提交时间', children: fmtTime(s.submittedAt) },
          ]}
        />
      </Card>
      <Flex gap={16} wrap align="flex-start">
        <div style={{ flex: '1 1 560px', minWidth: 0 }}>
          <Card title="填报内容" style={{ marginBottom: 16 }}>
            <SubmissionDataView listType={s.listType} data={s.data as SubmissionData} />
          </Card>
          <Card title="附件">
            <Attachments submissionId={s.id} items={s.attachments} editable={editable} />
          </Card>
          {s.challengeLinks && s.challengeLinks.length > 0 && (
            <Card title="揭榜挂帅" style={{ marginTop: 16 }} data-testid="submission-challenges">
              {s.challengeLinks.map((c) => (
                <Typography.Paragraph key={c.id} style={{ marginBottom: 8 }}>
                  <Link to={`/challenges/${c.id}`}>{c.title}</Link>（{CHALLENGE_STATE_LABELS[c.status]}）
                  {c.winners.length > 0 && (
                    <>
                      中榜单位：
                      {c.winners.map((w, i) => (
                        <span key={w.awardId}>
                          {i > 0 && '、'}
                          <Link to={`/awards/${w.awardId}`}>{w.organizationName}</Link>（任务书 {w.agreementNo}）
                        </span>
                      ))}
                    </>
                  )}
                </Typography.Paragraph>
              ))}
            </Card>
          )}
        </div>
        <Card title="办理记录" style={{ flex: '0 1 360px', minWidth: 280 }}>
          <LoadError error={history.error} onRetry={() => void history.refetch()} />
          {history.data && history.data.length === 0 && <Typography.Text type="secondary">暂无记录</Typography.Text>}
          <Timeline
            data-testid="history-timeline"
            items={(history.data ?? []).map((h, i) => ({
              key: `${h.at}-${i}`,
              color:
                h.toState === 'returned_for_revision' || h.toState === 'rejected' || h.toState === 'withdrawn'
                  ? 'red'
                  : h.toState === 'submitted'
                    ? 'blue'
                    : 'green',
              content: (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {fmtTime(h.at)}
                  </Typography.Text>
                  <div>
                    <Typography.Text strong>{actionLabel(h.action)}</Typography.Text> · {h.actorLabel}
                  </div>
                  {h.fromState && h.toState && (
                    <Typography.Text type="secondary">
                      {meta.submissionState(h.fromState)} → {meta.submissionState(h.toState)}
                    </Typography.Text>
                  )}
                  {!h.fromState && h.toState && <Typography.Text type="secondary">{meta.submissionState(h.toState)}</Typography.Text>}
                  {h.reason && <div>原因：{h.reason}</div>}
                </div>
              ),
            }))}
          />
        </Card>
      </Flex>
    </div>
  );
}
