import { CheckCircleOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { REVENUE_BANDS } from '@scenebridge/domain/policies/conditions';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { FullPageSpin } from '../../app/RequireAuth';
import { LoadError } from '../../shared/components/LoadError';
import { PageHeader } from '../../shared/components/PageHeader';
import { applyServerErrors } from '../../shared/formErrors';
import { errorMessage } from '../../shared/http';
import { useMeta } from '../../shared/meta';
import { dayjs, fmtTime, TZ } from '../../shared/time';
import { useUser } from '../auth/auth';
import { policyMatchingApi, policyMatchingKeys, type PolicyProfileView } from './api';
import {
  employeesProblem,
  isConfirmed,
  profileFormValues,
  profileInput,
  rdShareProblem,
  validityText,
  type ProfileFormValues,
} from './vocab';

const check = (problem: (t: string) => string | null) => ({
  validator: (_r: unknown, v?: string) => {
    const p = problem(v ?? '');
    return p ? Promise.reject(new Error(p)) : Promise.resolve();
  },
});

/** 政策画像: what the organisation tells about itself for 可享政策, and what the platform holds. */
export default function PolicyProfile() {
  const profile = useQuery({ queryKey: policyMatchingKeys.profile, queryFn: policyMatchingApi.profile });
  if (profile.error && !profile.data) return <LoadError error={profile.error} onRetry={() => void profile.refetch()} />;
  if (!profile.data) return <FullPageSpin />;
  return (
    <div data-testid="policy-profile-page">
      <PageHeader title="政策画像" sub="用于判断哪些政策措施可能适用于本单位；未填写的项目会使相关条件“无法判断”。" />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <ProfileForm profile={profile.data} />
        </Col>
        <Col xs={24} lg={10}>
          <PlatformFacts profile={profile.data} />
        </Col>
      </Row>
    </div>
  );
}

function ConfirmationTag({ profile }: { profile: PolicyProfileView }) {
  return isConfirmed(profile) ? (
    <Tag color="success" icon={<CheckCircleOutlined />} data-testid="policy-profile-confirmed">
      已核实（{fmtTime(profile.confirmedAt)}）
    </Tag>
  ) : (
    <Tag color="warning" icon={<ClockCircleOutlined />} data-testid="policy-profile-unconfirmed">
      待核实
    </Tag>
  );
}

function ProfileForm({ profile }: { profile: PolicyProfileView }) {
  const user = useUser();
  const meta = useMeta();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProfileFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [params] = useSearchParams();
  const focus = params.get('field');
  const editable = user.isOrgAdmin;
  useEffect(() => {
    if (focus) form.scrollToField(focus, { block: 'center', focus: true });
  }, [focus, form]);

  const save = async (v: ProfileFormValues) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await policyMatchingApi.saveProfile(profileInput(v));
      qc.setQueryData(policyMatchingKeys.profile, saved);
      void qc.invalidateQueries({ queryKey: policyMatchingKeys.all });
      void message.success('政策画像已保存，待运营方核实');
    } catch (e) {
      const rest = applyServerErrors(form, e);
      setError(rest === null ? errorMessage(e) : rest.length > 0 ? rest.map((d) => d.message).join('；') : null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="本单位填写" extra={<ConfirmationTag profile={profile} />}>
      {!editable && <Alert type="info" showIcon title="只有机构管理员可以修改政策画像。" style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="policy-profile-error" />}
      <Form<ProfileFormValues>
        form={form}
        layout="vertical"
        disabled={!editable}
        initialValues={profileFormValues(profile)}
        onFinish={(v) => void save(v)}
      >
        <Form.Item name="employees" label="职工人数" rules={[check(employeesProblem)]}>
          <Input inputMode="numeric" suffix="人" placeholder="例如 120" data-testid="policy-profile-employees" />
        </Form.Item>
        <Form.Item name="revenueBand" label="上年度营业收入区间">
          <Select
            allowClear
            placeholder="选择区间"
            options={REVENUE_BANDS.map((b) => ({ value: b.code, label: b.label }))}
            data-testid="policy-profile-revenue"
          />
        </Form.Item>
        <Form.Item name="rdSharePercent" label="研发投入占营业收入比例" rules={[check(rdShareProblem)]}>
          <Input inputMode="decimal" suffix="%" placeholder="例如 3.5" data-testid="policy-profile-rd" />
        </Form.Item>
        <Form.Item name="sectors" label="所属行业" rules={[{ type: 'array', max: 21, message: '所属行业选择过多' }]}>
          <Select
            mode="multiple"
            allowClear
            placeholder="可多选"
            options={meta.sectorOptions}
            optionFilterProp="label"
            data-testid="policy-profile-sectors"
          />
        </Form.Item>
        <Form.Item
          name="foundedOn"
          label="成立日期"
          getValueProps={(v?: string | null) => ({ value: v ? dayjs(v) : null })}
          normalize={(d?: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null)}
          rules={[
            {
              validator: (_r, v?: string | null) =>
                v && v > dayjs().tz(TZ).format('YYYY-MM-DD') ? Promise.reject(new Error('成立日期不能晚于今天')) : Promise.resolve(),
            },
          ]}
        >
          <DatePicker style={{ width: '100%' }} placeholder="选择日期" data-testid="policy-profile-founded" />
        </Form.Item>
        {editable && (
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="policy-profile-save">
              保存
            </Button>
            <Typography.Text type="secondary">保存后需运营方重新核实。</Typography.Text>
          </Space>
        )}
      </Form>
    </Card>
  );
}

function PlatformFacts({ profile }: { profile: PolicyProfileView }) {
  const meta = useMeta();
  const today = dayjs().tz(TZ).format('YYYY-MM-DD');
  return (
    <Card title="平台登记信息" data-testid="policy-profile-facts">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        以下信息由平台根据注册、资质与信用核查登记，如有出入请联系运营方更正。
      </Typography.Paragraph>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="机构类型">{meta.kind(profile.kind) || '—'}</Descriptions.Item>
        <Descriptions.Item label="注册地">{meta.region(profile.regionCode) || '—'}</Descriptions.Item>
        <Descriptions.Item label="资质">
          {profile.qualifications.length === 0 ? (
            '暂无登记的资质'
          ) : (
            <Space orientation="vertical" size={4}>
              {profile.qualifications.map((q) => {
                const v = validityText(q.validUntil, today);
                return (
                  <span key={`${q.code}-${q.certificateNo ?? ''}`}>
                    <Tag color={v.expired ? 'default' : 'blue'}>{q.label}</Tag>
                    <Typography.Text type={v.expired ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                      {v.text}
                      {q.certificateNo ? ` · 证书 ${q.certificateNo}` : ''}
                    </Typography.Text>
                  </span>
                );
              })}
            </Space>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="失信核查">
          {profile.dishonest === null ? (
            <Tag>尚未核查</Tag>
          ) : profile.dishonest ? (
            <Tag color="error">存在失信记录</Tag>
          ) : (
            <Tag color="success">未发现失信记录</Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="核实状态">
          <ConfirmationTag profile={profile} />
        </Descriptions.Item>
        <Descriptions.Item label="最近修改">{fmtTime(profile.updatedAt)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
