import { useQuery } from '@tanstack/react-query';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { fenToWanText, parseWanToFen, WAN_PATTERN } from '@scenebridge/contract/challenges/labels';
import { QUALIFICATION_LABELS } from '@scenebridge/contract/eligibility/labels';
import { ORGANIZATION_KIND_LABELS } from '@scenebridge/domain/glossary';
import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { FullPageSpin } from '../../app/RequireAuth';
import { DateTimePicker } from '../../shared/components/DateTimePicker';
import { LoadError } from '../../shared/components/LoadError';
import { PageHeader } from '../../shared/components/PageHeader';
import { applyServerErrors, type NamePath } from '../../shared/formErrors';
import { useUnsavedChangesPrompt } from '../../shared/hooks';
import { errorMessage } from '../../shared/http';
import { fromPickerValue, toPickerValue } from '../../shared/time';
import type { ValidationDetail } from '../../shared/types';
import { submissionsApi } from '../submissions/api';
import { challengesApi, challengesKeys, type ChallengeInput } from './api';

interface Indicator {
  name: string;
  target: string;
  unit: string;
  method: string;
}
interface Milestone {
  name: string;
  percent: number;
  deliverables: string;
}
interface Values {
  /** A published need of this organisation the challenge is drafted from (来源需求), or none. */
  sourceNeedId?: string | null;
  title: string;
  problem: string;
  indicators: Indicator[];
  /** 万元 as typed: converted to 分 on its digits. */
  rewardWan: string;
  milestones: Milestone[];
  deliveryMonths: number;
  modeKind: 'single' | 'horse_race';
  maxTeams?: number;
  deadline: Dayjs;
  organizationKinds?: string[];
  qualifications?: string[];
  notWinnerWithinYears?: number | null;
  maxOpenApplicationsPerOrganization: number;
  changeNote?: string;
}

const EMPTY_INDICATOR: Indicator = { name: '', target: '', unit: '', method: '' };
const DEFAULT_MILESTONES: Milestone[] = [
  { name: '方案设计与验证', percent: 30, deliverables: '' },
  { name: '部署上线与验收', percent: 70, deliverables: '' },
];

/** Server field paths onto the form's fields. */
const remap = (p: NamePath): NamePath => {
  if (p[0] === 'sourceNeedId') return ['sourceNeedId'];
  if (p[0] === 'rewardFen') return ['rewardWan'];
  if (p[0] === 'applicationDeadline') return ['deadline'];
  if (p[0] === 'deliveryPeriod') return ['deliveryMonths'];
  if (p[0] === 'mode') return p[1] === 'maxTeams' ? ['maxTeams'] : ['modeKind'];
  if (p[0] === 'eligibility' && typeof p[1] === 'string') return [p[1]];
  if (p.length === 1 && p[0] === 'milestones') return ['milestones'];
  return p;
};

export default function ChallengeForm() {
  const { id } = useParams();
  const editing = !!id;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unmatched, setUnmatched] = useState<ValidationDetail[]>([]);
  const dirty = useRef(false);
  useUnsavedChangesPrompt(dirty);

  const loaded = useQuery({ queryKey: challengesKeys.detail(id ?? ''), queryFn: () => challengesApi.get(id!), enabled: !!id, gcTime: 0 });
  // The organisation's needs a challenge may be drafted from: published, or published and being matched.
  const needs = useQuery({
    queryKey: ['challenges', 'source-needs'],
    queryFn: async () =>
      (
        await Promise.all(
          (['published', 'matching'] as const).map((status) =>
            submissionsApi.submissions({ listType: 'scenario_need', status, pageSize: 100 }),
          ),
        )
      ).flatMap((p) => p.items),
  });
  const [params] = useSearchParams();
  const fromNeed = editing ? null : params.get('fromNeed');
  const startingNeed = useQuery({
    queryKey: ['challenges', 'source-need', fromNeed],
    queryFn: () => submissionsApi.submission(fromNeed!),
    enabled: !!fromNeed,
  });
  // 从已发布需求发榜: the need's title and description start the challenge; the owner edits them.
  useEffect(() => {
    const need = startingNeed.data;
    if (!need || form.getFieldValue('sourceNeedId')) return;
    const description = (need.data as { description?: unknown }).description;
    form.setFieldsValue({
      sourceNeedId: need.id,
      title: form.getFieldValue('title') || need.title,
      problem: form.getFieldValue('problem') || (typeof description === 'string' ? description : ''),
    });
  }, [startingNeed.data, form]);
  const isOpen = loaded.data?.status === 'open';
  useEffect(() => {
    const c = loaded.data;
    if (!c) return;
    form.setFieldsValue({
      sourceNeedId: c.sourceNeedId ?? null,
      title: c.title,
      problem: c.problem,
      indicators: c.indicators.map((i) => ({ ...i })),
      rewardWan: fenToWanText(c.rewardFen).replaceAll(',', ''),
      milestones: c.milestones.map((m) => ({ ...m })),
      deliveryMonths: c.deliveryPeriod.kind === 'months' ? c.deliveryPeriod.months : undefined,
      modeKind: c.mode.kind,
      maxTeams: c.mode.kind === 'horse_race' ? c.mode.maxTeams : undefined,
      deadline: toPickerValue(c.applicationDeadline),
      organizationKinds: c.eligibility.organizationKinds ?? [],
      qualifications: c.eligibility.qualifications ?? [],
      notWinnerWithinYears: c.eligibility.notWinnerWithinYears ?? null,
      maxOpenApplicationsPerOrganization: c.eligibility.maxOpenApplicationsPerOrganization,
    });
    dirty.current = false;
  }, [loaded.data, form]);

  const milestones = Form.useWatch('milestones', form) as Milestone[] | undefined;
  const percentSum = (milestones ?? []).reduce((a, m) => a + (Number(m?.percent) || 0), 0);
  const modeKind = Form.useWatch('modeKind', form);
  const rewardWan = Form.useWatch('rewardWan', form) as string | undefined;
  const rewardFen = rewardWan ? parseWanToFen(rewardWan) : null;

  const onFinish = async (v: Values) => {
    setBusy(true);
    setError(null);
    setUnmatched([]);
    const input: ChallengeInput = {
      title: v.title.trim(),
      problem: v.problem.trim(),
      sourceNeedId: v.sourceNeedId ?? null,
      indicators: v.indicators.map((i) => ({ name: i.name.trim(), target: i.target.trim(), unit: i.unit.trim(), method: i.method.trim() })),
      rewardFen: parseWanToFen(v.rewardWan)!,
      milestones: v.milestones.map((m) => ({ name: m.name.trim(), percent: Number(m.percent), deliverables: m.deliverables.trim() })),
      deliveryPeriod: { kind: 'months', months: Number(v.deliveryMonths) },
      mode: v.modeKind === 'horse_race' ? { kind: 'horse_race', maxTeams: Number(v.maxTeams) } : { kind: 'single' },
      applicationDeadline: fromPickerValue(v.deadline),
      ...(loaded.data ? { reviewScheme: loaded.data.reviewScheme } : {}),
      eligibility: {
        organizationKinds: v.organizationKinds?.length ? (v.organizationKinds as never) : undefined,
        qualifications: v.qualifications?.length ? (v.qualifications as never) : undefined,
        notWinnerWithinYears: v.notWinnerWithinYears ?? undefined,
        maxOpenApplicationsPerOrganization: v.maxOpenApplicationsPerOrganization,
        excludeDishonest: true,
      },
    };
    try {
      const saved = id ? await challengesApi.update(id, { ...input, changeNote: v.changeNote }) : await challengesApi.create(input);
      dirty.current = false;
      void message.success(
        isOpen ? '修改已提交，榜单重新进入审核' : id ? '榜单已保存' : `已创建榜单「${saved.title}」（草稿），请确认后提交审核`,
      );
      void navigate(`/challenges/${saved.id}`);
    } catch (e) {
      const rest = applyServerErrors(form, e, { remap, codeFields: { REASON_REQUIRED: ['changeNote'] } });
      if (rest === null) setError(errorMessage(e));
      else setUnmatched(rest);
    } finally {
      setBusy(false);
    }
  };

  if (editing && loaded.isFetching && !loaded.data) return <FullPageSpin />;

  return (
    <div>
      <PageHeader title={editing ? '编辑榜单' : '发榜'} sub="新建的榜单为草稿；提交审核、运营方审核通过后公开发布。截止时间为北京时间。" />
      <LoadError error={loaded.error} onRetry={() => void loaded.refetch()} />
      {isOpen && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="该榜单正在揭榜"
          description="保存修改后榜单将退回运营方重新审核，审核期间不在公开列表中显示；请在“修改说明”中写明修改内容，申报单位将收到说明。"
        />
      )}
      {error && (
        <Alert type="error" showIcon title="保存失败" description={error} style={{ marginBottom: 16 }} data-testid="challenge-form-error" />
      )}
      {unmatched.length > 0 && (
        <Alert
          type="error"
          showIcon
          title="请修改以下内容"
          description={unmatched.map((d) => d.message).join('；')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void onFinish(v)}
        onValuesChange={() => {
          dirty.current = true;
        }}
        initialValues={{
          indicators: [{ ...EMPTY_INDICATOR }],
          milestones: DEFAULT_MILESTONES.map((m) => ({ ...m })),
          modeKind: 'single',
          deliveryMonths: 12,
          maxOpenApplicationsPerOrganization: 3,
        }}
        data-testid="challenge-form"
      >
        <Card title="榜单内容" style={{ marginBottom: 16 }}>
          <Form.Item
            name="sourceNeedId"
            label="来源需求（可选）"
            extra="从本单位已发布的场景需求发榜：中榜后该需求随榜单进入承接、实施与验收。"
          >
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              loading={needs.isLoading}
              placeholder={needs.data?.length === 0 ? '本单位暂无已发布的场景需求' : '选择已发布的场景需求'}
              options={(needs.data ?? []).map((n) => ({ value: n.id, label: n.title }))}
              data-testid="challenge-source-need"
            />
          </Form.Item>
          <Form.Item name="title" label="榜单名称" rules={[{ required: true, whitespace: true, message: '请填写榜单名称' }]}>
            <Input maxLength={100} showCount data-testid="challenge-title" />
          </Form.Item>
          <Form.Item name="problem" label="需要解决的问题" rules={[{ required: true, whitespace: true, message: '请描述需要解决的问题' }]}>
            <Input.TextArea rows={5} maxLength={5000} showCount data-testid="challenge-problem" />
          </Form.Item>
        </Card>
        <Card title="考核指标（至少一项，须可测量）" style={{ marginBottom: 16 }}>
          <Form.List name="indicators">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Row gutter={8} key={f.key} align="top">
                    <Col xs={24} md={5}>
                      <Form.Item name={[f.name, 'name']} label="指标名称" rules={[{ required: true, whitespace: true, message: '请填写' }]}>
                        <Input data-testid={`challenge-indicator-name-${f.name}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item name={[f.name, 'target']} label="目标值" rules={[{ required: true, whitespace: true, message: '请填写' }]}>
                        <Input data-testid={`challenge-indicator-target-${f.name}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={3}>
                      <Form.Item name={[f.name, 'unit']} label="单位" rules={[{ required: true, whitespace: true, message: '请填写' }]}>
                        <Input data-testid={`challenge-indicator-unit-${f.name}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={22} md={11}>
                      <Form.Item
                        name={[f.name, 'method']}
                        label="测量方法"
                        rules={[{ required: true, whitespace: true, message: '请填写' }]}
                      >
                        <Input data-testid={`challenge-indicator-method-${f.name}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={2} md={1} style={{ paddingTop: 30 }}>
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label="删除指标"
                        disabled={fields.length <= 1}
                        onClick={() => remove(f.name)}
                      />
                    </Col>
                  </Row>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ ...EMPTY_INDICATOR })}>
                  添加指标
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <Card title="榜单金额与支付" style={{ marginBottom: 16 }}>
          <Form.Item
            name="rewardWan"
            label="榜单金额（万元，最多两位小数）"
            extra={rewardFen !== null ? `合计 ${rewardFen.toLocaleString('zh-CN')} 分` : undefined}
            rules={[
              { required: true, message: '请填写榜单金额' },
              { pattern: WAN_PATTERN, message: '请输入金额（万元），最多两位小数，如 500 或 120.5' },
            ]}
          >
            <Input style={{ maxWidth: 240 }} inputMode="decimal" suffix="万元" data-testid="challenge-reward" />
          </Form.Item>
          <Typography.Paragraph>
            按里程碑支付，比例合计须为 100%：当前合计{' '}
            <Typography.Text strong type={percentSum === 100 ? 'success' : 'danger'} data-testid="challenge-percent-sum">
              {percentSum}%
            </Typography.Text>
          </Typography.Paragraph>
          <Form.List
            name="milestones"
            rules={[
              {
                validator: async (_r, ms: Milestone[] | undefined) => {
                  const s = (ms ?? []).reduce((a, m) => a + (Number(m?.percent) || 0), 0);
                  if (s !== 100) throw new Error(`各里程碑支付比例之和应为100%，现为${s}%`);
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((f) => (
                  <Row gutter={8} key={f.key} align="top">
                    <Col xs={24} md={6}>
                      <Form.Item name={[f.name, 'name']} label="里程碑" rules={[{ required: true, whitespace: true, message: '请填写' }]}>
                        <Input data-testid={`challenge-milestone-name-${f.name}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={8} md={4}>
                      <Form.Item name={[f.name, 'percent']} label="支付比例（%）" rules={[{ required: true, message: '请填写' }]}>
                        <InputNumber
                          min={1}
                          max={100}
                          precision={0}
                          style={{ width: '100%' }}
                          data-testid={`challenge-milestone-percent-${f.name}`}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={14} md={13}>
                      <Form.Item
                        name={[f.name, 'deliverables']}
                        label="交付物"
                        rules={[{ required: true, whitespace: true, message: '请填写' }]}
                      >
                        <Input data-testid={`challenge-milestone-deliverables-${f.name}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={2} md={1} style={{ paddingTop: 30 }}>
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label="删除里程碑"
                        disabled={fields.length <= 1}
                        onClick={() => remove(f.name)}
                      />
                    </Col>
                  </Row>
                ))}
                <Form.ErrorList errors={errors} />
                <Button icon={<PlusOutlined />} onClick={() => add({ name: '', percent: 0, deliverables: '' })}>
                  添加里程碑
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <Card title="实施与申报" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="deliveryMonths" label="实施周期（月）" rules={[{ required: true, message: '请填写实施周期' }]}>
                <InputNumber min={1} max={120} precision={0} style={{ width: '100%' }} data-testid="challenge-months" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="deadline" label="申报截止时间（北京时间）" rules={[{ required: true, message: '请选择申报截止时间' }]}>
                <DateTimePicker style={{ width: '100%' }} data-testid="challenge-deadline" />
              </Form.Item>
            </Col>
          </Row>
          <Flex gap={16} wrap align="end">
            <Form.Item name="modeKind" label="揭榜方式">
              <Radio.Group
                options={[
                  { value: 'single', label: '单一揭榜方' },
                  { value: 'horse_race', label: '赛马制（多个团队并行）' },
                ]}
              />
            </Form.Item>
            {modeKind === 'horse_race' && (
              <Form.Item name="maxTeams" label="最多资助团队数" rules={[{ required: true, message: '请填写团队数（至少2个）' }]}>
                <InputNumber min={2} max={20} precision={0} data-testid="challenge-max-teams" />
              </Form.Item>
            )}
          </Flex>
        </Card>
        <Card title="申报条件" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">不选即不限。有失信记录的单位一律不得揭榜。</Typography.Paragraph>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="organizationKinds" label="单位类型">
                <Select
                  mode="multiple"
                  allowClear
                  options={Object.entries(ORGANIZATION_KIND_LABELS).map(([value, label]) => ({ value, label }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="qualifications" label="资质要求">
                <Select
                  mode="multiple"
                  allowClear
                  options={Object.entries(QUALIFICATION_LABELS).map(([value, label]) => ({ value, label }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="notWinnerWithinYears" label="近 N 年内未在本计划中揭榜（年，可不填）">
                <InputNumber min={1} max={10} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="maxOpenApplicationsPerOrganization"
                label="每单位同时申报上限（个）"
                rules={[{ required: true, message: '请填写' }]}
              >
                <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        {isOpen && (
          <Card title="修改说明" style={{ marginBottom: 16 }}>
            <Form.Item
              name="changeNote"
              label="说明修改了哪些内容（将告知申报单位）"
              rules={[{ required: true, whitespace: true, message: '请填写修改说明' }]}
            >
              <Input.TextArea rows={3} maxLength={1000} showCount data-testid="challenge-change-note" />
            </Form.Item>
          </Card>
        )}
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="challenge-save">
            {isOpen ? '保存并重新提交审核' : '保存'}
          </Button>
          <Button onClick={() => navigate(id ? `/challenges/${id}` : '/challenges')}>返回</Button>
        </Flex>
      </Form>
    </div>
  );
}
