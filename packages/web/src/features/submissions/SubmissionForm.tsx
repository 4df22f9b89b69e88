import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Form, Input, Result, Row, Space, Typography } from 'antd';
import { isSubmissionEditable } from '@scenebridge/contract/submissions/lifecycle';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../shared/http';
import { callsApi } from '../calls/api';
import { submissionsApi, submissionsKeys } from './api';
import { useAccess, useUser } from '../auth/auth';
import { CapabilityFields } from './CapabilityFields';
import { ContactFields } from './ContactFields';
import { LinkButton } from '../../shared/components/LinkButton';
import { LoadError } from '../../shared/components/LoadError';
import { PageHeader } from '../../shared/components/PageHeader';
import { FullPageSpin } from '../../app/RequireAuth';
import { ScenarioNeedFields } from './ScenarioNeedFields';
import { StatusTag } from '../../shared/components/StatusTag';
import { SubmissionAssist } from './SubmissionAssist';
import { Attachments } from './Attachments';
import { HeldAttachments } from './HeldAttachments';
import { failureSummary, holdFiles, sendHeld, unsent, type HeldFile } from './held-attachments';
import { applyServerErrors } from '../../shared/formErrors';
import { useUnsavedChangesPrompt } from '../../shared/hooks';
import { fieldLabel } from '../../shared/labels';
import { useMeta } from '../../shared/meta';
import { fmtTime } from '../../shared/time';
import type { Call, ListType, Submission, SubmissionData, ValidationDetail } from '../../shared/types';
import { rules } from '../../shared/validators';

/** Drops empty strings, nulls, empty arrays and empty objects, so a draft carries only what was typed. */
function clean(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (Array.isArray(v)) {
    const a = v.map(clean).filter((x) => x !== undefined);
    return a.length ? a : undefined;
  }
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const c = clean(x);
      if (c !== undefined) out[k] = c;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return v;
}

function toData(values: SubmissionData): SubmissionData {
  const data = (clean(values) ?? {}) as SubmissionData;
  // A contact holding only the "public" switch is not a contact yet.
  if (data.contact && !data.contact.name && !data.contact.phone && !data.contact.email) delete data.contact;
  return data;
}

/**
 * The server checks every field a draft carries (contact and each reference case as a whole),
 * so a draft leaves out the incomplete ones and says so.
 */
function toDraftData(values: SubmissionData): { data: SubmissionData; left: string[] } {
  const data = toData(values);
  const left: string[] = [];
  if (data.contact && !(data.contact.name && data.contact.phone)) {
    delete data.contact;
    left.push('联系方式（需同时填写联系人和联系电话）');
  }
  if (data.referenceCases) {
    const complete = data.referenceCases.filter((c) => c.title && c.summary);
    if (complete.length < data.referenceCases.length) left.push('未填完的应用案例（需案例名称和简介）');
    if (complete.length) data.referenceCases = complete;
    else delete data.referenceCases;
  }
  return { data, left };
}

interface Loaded {
  call: Call | null;
  submission: Submission | null;
}

export default function SubmissionForm() {
  const { id: routeId } = useParams();
  const [params] = useSearchParams();
  const callIdParam = params.get('callId') ?? '';
  const user = useUser();
  const access = useAccess();
  const draftRefusal = access.refusal('draft');
  const meta = useMeta();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<SubmissionData>();
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [unmatched, setUnmatched] = useState<ValidationDetail[]>([]);
  const [submission, setSubmission] = useState<Submission | null>(null);
  /** The id whose data is already in the form (set after creating a draft, so the route change does not reload). */
  const inForm = useRef<string | null>(null);
  const dirty = useRef(false);
  useUnsavedChangesPrompt(dirty);
  /** Files chosen before the draft existed (and any that failed to upload since): sent on save. */
  const [held, setHeldState] = useState<HeldFile[]>([]);
  const heldRef = useRef<HeldFile[]>([]);
  const setHeld = (list: HeldFile[]) => {
    heldRef.current = list;
    setHeldState(list);
  };
  const [refused, setRefused] = useState<string[]>([]);
  const [retrying, setRetrying] = useState(false);

  const loaded = useQuery<Loaded>({
    queryKey: submissionsKeys.form(routeId ?? '', callIdParam),
    // Read once per visit: the form holds what is being typed, the cache would only hold it back.
    gcTime: 0,
    queryFn: async () => {
      if (routeId) {
        if (inForm.current === routeId && submission) return { call: await callsApi.call(submission.callId).catch(() => null), submission };
        const s = await submissionsApi.submission(routeId);
        const call = await callsApi.call(s.callId).catch(() => null);
        return { call, submission: s };
      }
      if (!callIdParam) return { call: null, submission: null };
      return { call: await callsApi.call(callIdParam), submission: null };
    },
  });

  useEffect(() => {
    const d = loaded.data;
    if (!d) return;
    if (d.submission) {
      setSubmission(d.submission);
      if (inForm.current !== d.submission.id) {
        form.resetFields();
        form.setFieldsValue(d.submission.data as SubmissionData);
        inForm.current = d.submission.id;
        dirty.current = false;
      }
    }
  }, [loaded.data, form]);

  const call = loaded.data?.call ?? null;
  const listType: ListType | undefined = submission?.listType ?? loaded.data?.submission?.listType ?? call?.listType;
  const callId = submission?.callId ?? call?.id ?? callIdParam;

  /**
   * Sends the held files to the saved draft, one by one (each shows its state), then reloads the
   * draft so its attachment list shows them. Files that failed stay held with their reason.
   * Returns the failures as "name（reason）；…", empty when all went up.
   */
  const sendHeldTo = async (id: string): Promise<{ fresh: Submission | null; failed: string }> => {
    if (unsent(heldRef.current).length === 0) return { fresh: null, failed: '' };
    const after = await sendHeld(heldRef.current, (f) => submissionsApi.uploadAttachment(id, f, f.name), setHeld);
    setHeld(after.filter((h) => h.status !== 'done'));
    const fresh = await submissionsApi.submission(id).catch(() => null);
    if (fresh) setSubmission(fresh);
    return { fresh, failed: failureSummary(after) };
  };

  const retryHeld = async () => {
    if (!submission) return;
    setRetrying(true);
    try {
      const { failed } = await sendHeldTo(submission.id);
      if (failed) void message.error(`以下附件仍未能上传：${failed}`, 6);
      else void message.success('附件已全部上传');
    } finally {
      setRetrying(false);
    }
  };

  const persist = async (draft: boolean): Promise<{ saved: Submission; failedUploads: string }> => {
    const values = form.getFieldsValue() as SubmissionData;
    const { data, left } = draft ? toDraftData(values) : { data: toData(values), left: [] };
    const saved = submission
      ? await submissionsApi.updateSubmission(submission.id, data)
      : await submissionsApi.createSubmission(callId, data);
    setSubmission(saved);
    dirty.current = false;
    if (!submission) {
      inForm.current = saved.id;
      void navigate(`/submissions/${saved.id}/edit`, { replace: true });
    }
    // The draft exists now: the files held until it did go up (and any that failed before).
    const { fresh, failed } = await sendHeldTo(saved.id);
    // Set after navigating, so the unsaved-changes guard does not stop the move to the edit URL.
    dirty.current = left.length > 0 || unsent(heldRef.current).length > 0;
    if (left.length) void message.warning(`草稿已保存，但以下内容暂未保存：${left.join('；')}`, 6);
    return { saved: fresh ?? saved, failedUploads: failed };
  };

  const showError = (e: unknown) => {
    const rest = applyServerErrors(form, e, { stripPrefix: 'data' });
    if (rest === null) setError(errorMessage(e));
    else {
      setUnmatched(rest);
      setError(rest.length === 0 ? null : '提交未通过校验');
      void message.error('请根据提示修改标红的内容');
    }
  };

  const saveDraft = async () => {
    setError(null);
    setUnmatched([]);
    try {
      await form.validateFields(['title']);
    } catch {
      return;
    }
    setBusy('draft');
    try {
      const { saved, failedUploads } = await persist(true);
      if (failedUploads) {
        setError(`草稿已保存，但以下附件未能上传：${failedUploads}。这些文件仍在“附件”中，可点击“重试”或移除后重新上传。`);
      } else if (!dirty.current) void message.success(`草稿已保存（${fmtTime(saved.updatedAt, 'HH:mm:ss')}）`);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const submit = async () => {
    setError(null);
    setUnmatched([]);
    try {
      await form.validateFields();
    } catch {
      void message.error('请先完善标红的必填项');
      return;
    }
    setBusy('submit');
    try {
      const { saved, failedUploads } = await persist(false);
      if (failedUploads) {
        // Submitted items take no more files: the draft waits until its files are up.
        setError(`内容已保存为草稿，但以下附件未能上传，因此尚未提交：${failedUploads}。请在“附件”中重试或移除后再提交。`);
        return;
      }
      const action = saved.allowedActions.includes('resubmit') ? 'resubmit' : 'submit';
      const after = await submissionsApi.submissionTransition(saved.id, action);
      void message.success(
        `${action === 'resubmit' ? '已重新提交' : '提交成功'}${after.receiptNo ? `，回执编号 ${after.receiptNo}` : ''}`,
        6,
      );
      void navigate(`/submissions/${after.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CALL_NOT_OPEN') setError(`${e.message}。内容已保存为草稿。`);
      else showError(e);
    } finally {
      setBusy(null);
    }
  };

  if (loaded.isFetching && !loaded.data) return <FullPageSpin />;
  if (loaded.error) return <LoadError error={loaded.error} onRetry={() => void loaded.refetch()} />;
  if (!routeId && !callIdParam) {
    return (
      <Result
        status="info"
        title="请先选择征集"
        subTitle="从“在线征集”中选择正在征集的活动后再填报。"
        extra={
          <LinkButton to="/calls" type="primary">
            前往在线征集
          </LinkButton>
        }
      />
    );
  }
  if (draftRefusal) {
    return (
      <Result
        status="warning"
        title={access.approved ? '暂不能填报' : '机构尚未通过审核'}
        subTitle={draftRefusal}
        extra={<LinkButton to="/">返回工作台</LinkButton>}
      />
    );
  }
  if (submission && !isSubmissionEditable(submission.status)) {
    return (
      <Result
        status="info"
        title="当前状态不可编辑"
        subTitle={
          <Space>
            该填报当前状态为 <StatusTag kind="submission" status={submission.status} />
          </Space>
        }
        extra={
          <LinkButton to={`/submissions/${submission.id}`} type="primary">
            查看详情
          </LinkButton>
        }
      />
    );
  }
  if (!submission && call && !call.acceptingSubmissions) {
    return (
      <Result
        status="warning"
        title="该征集当前不接受填报"
        subTitle={`「${call.title}」状态为${meta.callState(call.status)}。`}
        extra={<LinkButton to="/calls">返回</LinkButton>}
      />
    );
  }
  if (!listType) return <FullPageSpin />;

  const isNeed = listType === 'scenario_need';
  const canSubmit = submission ? submission.allowedActions.includes('submit') || submission.allowedActions.includes('resubmit') : true;

  return (
    <div>
      <PageHeader
        title={`${submission ? '编辑' : '填报'}${meta.listType(listType)}`}
        sub="保存草稿只需填写名称；提交时须填写全部必填项。"
        extra={submission && <StatusTag kind="submission" status={submission.status} />}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'c', label: '所属征集', children: submission?.callTitle ?? call?.title ?? '—' },
            { key: 't', label: '清单类型', children: meta.listType(listType) },
            { key: 'd', label: '截止时间', children: call ? fmtTime(call.closesAt) : '—' },
          ]}
        />
      </Card>
      {submission?.status === 'returned_for_revision' && submission.statusReason && (
        <Alert
          type="warning"
          showIcon
          title="退回原因"
          description={submission.statusReason}
          style={{ marginBottom: 16 }}
          data-testid="submission-return-reason"
        />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          description={
            unmatched.length ? unmatched.map((d) => `${d.path ? `${fieldLabel(d.path)}：` : ''}${d.message}`).join('；') : undefined
          }
          style={{ marginBottom: 16 }}
          data-testid="submission-form-error"
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Form<SubmissionData>
            form={form}
            layout="vertical"
            onValuesChange={() => {
              dirty.current = true;
            }}
            initialValues={
              isNeed
                ? { dataOpenness: 'on_request', siteOpenness: 'on_request', contact: { name: user.displayName, public: false } }
                : { referenceCases: [], contact: { name: user.displayName, public: false } }
            }
          >
            <Card title="基本信息" style={{ marginBottom: 16 }}>
              <Form.Item
                label={isNeed ? '场景名称' : '能力名称'}
                name="title"
                rules={[rules.required('名称'), rules.length('名称', 'listingTitle')]}
              >
                <Input maxLength={100} showCount data-testid="sub-title" />
              </Form.Item>
              {isNeed ? <ScenarioNeedFields /> : <CapabilityFields />}
            </Card>
            <Card title="联系方式" style={{ marginBottom: 16 }}>
              <ContactFields />
            </Card>
            <Card title="附件" style={{ marginBottom: 16 }} data-testid="submission-form-attachments">
              {submission && (
                <Attachments
                  submissionId={submission.id}
                  items={submission.attachments}
                  editable
                  onChanged={() => void submissionsApi.submission(submission.id).then(setSubmission, () => undefined)}
                />
              )}
              {(!submission || held.length > 0) && (
                <div style={submission ? { marginTop: 12 } : undefined}>
                  {submission && (
                    <Typography.Paragraph
                      type={held.some((h) => h.status === 'failed') ? 'danger' : 'secondary'}
                      style={{ marginBottom: 8 }}
                    >
                      {held.some((h) => h.status === 'failed') ? '以下附件未能上传（文件仍保留，可重试）：' : '正在上传所选附件：'}
                    </Typography.Paragraph>
                  )}
                  <HeldAttachments
                    held={held}
                    refused={refused}
                    busy={busy !== null || retrying}
                    onChoose={
                      submission
                        ? undefined
                        : (chosen) => {
                            const r = holdFiles(heldRef.current, chosen);
                            setHeld(r.held);
                            setRefused(r.refused);
                            if (r.held.length > 0) dirty.current = true;
                          }
                    }
                    onRemove={(uid) => {
                      setHeld(heldRef.current.filter((h) => h.uid !== uid));
                      setRefused([]);
                    }}
                    onRetry={submission ? () => void retryHeld() : undefined}
                  />
                </div>
              )}
            </Card>
            <Flex gap={12} justify="flex-end" wrap>
              <Button onClick={() => navigate(submission ? `/submissions/${submission.id}` : '/calls')}>返回</Button>
              <Button
                loading={busy === 'draft'}
                disabled={busy === 'submit'}
                onClick={() => void saveDraft()}
                data-testid="submission-save-draft"
              >
                保存草稿
              </Button>
              <Button
                type="primary"
                loading={busy === 'submit'}
                disabled={busy === 'draft' || !canSubmit}
                onClick={() => void submit()}
                data-testid="submission-submit"
              >
                {submission?.status === 'returned_for_revision' ? '重新提交' : '提交'}
              </Button>
            </Flex>
          </Form>
        </Col>
        <Col xs={24} xl={8} style={{ alignSelf: 'stretch' }}>
          <SubmissionAssist
            form={form}
            listType={listType}
            submissionId={submission?.id}
            toData={toData}
            onAccept={() => {
              dirty.current = true;
            }}
          />
        </Col>
      </Row>
    </div>
  );
}
