import { useQuery } from '@tanstack/react-query';
import { fenToWanText, formatReward, parseWanToFen, WAN_PATTERN } from '@scenebridge/contract/challenges/labels';
import { MAX_CONSORTIUM_MEMBERS } from '@scenebridge/contract/applications/labels';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { FullPageSpin } from '../../app/RequireAuth';
import { LoadError } from '../../shared/components/LoadError';
import { PageHeader } from '../../shared/components/PageHeader';
import { applyServerErrors } from '../../shared/formErrors';
import { useUnsavedChangesPrompt } from '../../shared/hooks';
import { errorMessage } from '../../shared/http';
import { dayjs, fmtTime } from '../../shared/time';
import type { ValidationDetail } from '../../shared/types';
import { challengesApi, challengesKeys } from '../challenges/api';
import { EligibilityPanel } from '../eligibility/EligibilityPanel';
import { applicationsApi, applicationsKeys, type ApplicationInput, type Partner } from './api';

interface Values {
  plan: string;
  leaderName: string;
  leaderTitle: string;
  leaderPhone: string;
  quoteWan: string;
  schedule: (Dayjs | null)[];
  members: string[];
}

/** 揭榜: the lead's draft (new from a challenge, or editing its own), with the consortium members it invites. */
export default function ApplicationForm() {
  const { challengeId: newFor, id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unmatched, setUnmatched] = useState<ValidationDetail[]>([]);
  const [search, setSearch] = useState('');
  const [known, setKnown] = useState<Record<string, string>>({});
  const dirty = useRef(false);
  useUnsavedChangesPrompt(dirty);

  const existing = useQuery({ queryKey: applicationsKeys.detail(id ?? ''), queryFn: () => applicationsApi.get(id!), enabled: !!id });
  const challengeId = newFor ?? existing.data?.challengeId;
  const challenge = useQuery({
    queryKey: challengesKeys.detail(challengeId ?? ''),
    queryFn: () => challengesApi.get(challengeId!),
    enabled: !!challengeId,
  });
  const partners = useQuery({
    queryKey: applicationsKeys.partners(search),
    queryFn: () => applicationsApi.partners(search),
    enabled: search.trim().length >= 2,
  });

  useEffect(() => {
    const a = existing.data;
    if (!a) return;
    setKnown(Object.fromEntries(a.members.map((m) => [m.organizationId, m.organizationName])));
    form.setFieldsValue({
      plan: a.plan,
      leaderName: a.teamLeader.name,
      leaderTitle: a.teamLeader.title,
      leaderPhone: a.teamLeader.phone,
      quoteWan: fenToWanText(a.quoteFen).replaceAll(',', ''),
      schedule: a.schedule.map((s) => dayjs(s.plannedDate)),
      members: a.members.map((m) => m.organizationId),
    });
  }, [existing.data, form]);

  if ((id && existing.isLoading) || (challengeId && challenge.isLoading)) return <FullPageSpin />;
  if (id && !existing.data) return <LoadError error={existing.error} onRetry={() => void existing.refetch()} />;
  if (!challenge.data) return <LoadError error={challenge.error} onRetry={() => void challenge.refetch()} />;
  const c = challenge.data;

  const onFinish = async (v: Values) => {
    setBusy(true);
    setError(null);
    setUnmatched([]);
    const input: ApplicationInput = {
      plan: v.plan.trim(),
      teamLeader: { name: v.leaderName.trim(), title: v.leaderTitle.trim(), phone: v.leaderPhone.trim() },
      quoteFen: parseWanToFen(v.quoteWan)!,
      schedule: c.milestones.map((_m, i) => ({ plannedDate: v.schedule?.[i]?.format('YYYY-MM-DD') ?? '' })),
      memberOrganizationIds: v.members ?? [],
    };
    try {
      const saved = id ? await applicationsApi.update(id, input) : await applicationsApi.create(c.id, input);
      dirty.current = false;
      void message.success(saved.members.length ? '申报已保存；联合体成员确认后即可提交' : '申报已保存（草稿），请确认后提交');
      void navigate(`/applications/${saved.id}`);
    } catch (e) {
      const rest = applyServerErrors(form, e, {
        remap: (p) => {
          const s = Array.isArray(p) ? p : [p];
          if (s[0] === 'teamLeader') return [`leader${String(s[1]).charAt(0).toUpperCase()}${String(s[1]).slice(1)}`];
          if (s[0] === 'quoteFen') return ['quoteWan'];
          if (s[0] === 'memberOrganizationIds') return ['members'];
          return s;
        },
      });
      if (rest === null) setError(errorMessage(e));
      else setUnmatched(rest);
    } finally {
      setBusy(false);
    }
  };

  const options = [
    ...Object.entries(known).map(([value, label]) => ({ value, label })),
    ...(partners.data ?? [])
      .filter((p: Partner) => !known[p.id])
      .map((p: Partner) => ({ value: p.id, label: `${p.name}（${p.creditCode}）` })),
  ];

  return (
    <div>
      <PageHeader
        title={id ? '编辑揭榜申报' : '我要揭榜'}
        sub={`榜单：${c.title}；榜单金额 ${formatReward(c.rewardFen)}；申报截止 ${fmtTime(c.applicationDeadline)}（北京时间，以服务器时间为准）`}
      />
      {!id && (
        <Card title="申报资格" style={{ marginBottom: 16 }}>
          <EligibilityPanel rules={c.eligibility as never} challengeRef={c.id} />
        </Card>
      )}
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} data-testid="application-form-error" />}
      {unmatched.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="请修改以下内容"
          description={unmatched.map((d) => d.message).join('；')}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        onValuesChange={() => (dirty.current = true)}
        onFinish={(v) => void onFinish(v)}
        initialValues={{ members: [], schedule: [] }}
        data-testid="application-form"
      >
        <Card title="实施方案" style={{ marginBottom: 16 }}>
          <Form.Item name="plan" label="实施方案" rules={[{ required: true, whitespace: true, message: '请填写实施方案' }]}>
            <Input.TextArea rows={8} maxLength={10000} showCount data-testid="application-plan" />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="leaderName" label="团队负责人" rules={[{ required: true, whitespace: true, message: '请填写' }]}>
                <Input data-testid="application-leader-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="leaderTitle" label="职务/职称" rules={[{ required: true, whitespace: true, message: '请填写' }]}>
                <Input data-testid="application-leader-title" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="leaderPhone" label="联系电话" rules={[{ required: true, whitespace: true, message: '请填写' }]}>
                <Input data-testid="application-leader-phone" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="quoteWan"
            label={`报价（万元，不超过榜单金额 ${formatReward(c.rewardFen)}）`}
            rules={[
              { required: true, message: '请填写报价' },
              {
                validator: (_r, v: string) => {
                  const fen = v ? parseWanToFen(v) : null;
                  if (!v || (WAN_PATTERN.test(v) && fen !== null && fen > 0 && fen <= c.rewardFen)) return Promise.resolve();
                  return Promise.reject(new Error(fen !== null && fen > c.rewardFen ? '报价不能超过榜单金额' : '请输入金额，最多两位小数'));
                },
              },
            ]}
          >
            <Input inputMode="decimal" suffix="万元" style={{ maxWidth: 240 }} data-testid="application-quote" />
          </Form.Item>
        </Card>
        {/* Short card titles: a longer one is cut off with an ellipsis on a phone. */}
        <Card title="进度计划" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">请为每个里程碑填写计划完成日期。</Typography.Paragraph>
          {c.milestones.map((m, i) => (
            <Form.Item
              key={m.name + i}
              name={['schedule', i]}
              label={`${i + 1}. ${m.name}（支付 ${m.percent}%）`}
              rules={[{ required: true, message: '请选择计划完成日期' }]}
            >
              <DatePicker format="YYYY-MM-DD" data-testid={`application-schedule-${i}`} />
            </Form.Item>
          ))}
        </Card>
        <Card title="联合体成员（可选）" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">
            最多{MAX_CONSORTIUM_MEMBERS}
            家，不含牵头单位。输入单位名称或统一社会信用代码查找已通过审核的单位。被邀请单位的管理员确认后，方可提交申报。
          </Typography.Paragraph>
          <Form.Item name="members" label="成员单位">
            <Select
              mode="multiple"
              maxCount={MAX_CONSORTIUM_MEMBERS}
              showSearch
              filterOption={false}
              onSearch={setSearch}
              onChange={(ids: string[]) => {
                const names = Object.fromEntries((partners.data ?? []).map((p) => [p.id, p.name]));
                setKnown((k) => Object.fromEntries(ids.map((x) => [x, k[x] ?? names[x] ?? x])));
              }}
              notFoundContent={search.trim().length < 2 ? '请至少输入2个字' : partners.isFetching ? '查找中…' : '未找到单位'}
              options={options}
              placeholder="查找并添加成员单位"
              data-testid="application-members"
            />
          </Form.Item>
        </Card>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="application-save">
          保存申报草稿
        </Button>
      </Form>
    </div>
  );
}
