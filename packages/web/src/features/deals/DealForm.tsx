import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Radio, Select, Space, Spin } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../shared/components/PageHeader';
import { applyServerErrors } from '../../shared/formErrors';
import { useDebounced } from '../../shared/hooks';
import { errorMessage } from '../../shared/http';
import { useAccess } from '../auth/auth';
import { brokersApi, brokersKeys } from '../brokers/api';
import { organizationsApi } from '../organizations/api';
import { searchApi } from '../search/api';
import { dealsApi, dealsKeys, type CreateDealInput } from './api';
import { parseYuanToFen } from './money';
import { useQueryClient } from '@tanstack/react-query';

interface Values {
  needId?: string;
  supplier: 'capability' | 'organization';
  capabilityId?: string;
  supplyOrganizationId?: string;
  title?: string;
  amount?: string;
  brokerUserId?: string;
}

type Option = { value: string; label: string };

/** Listing states a deal may be about (published on a list, or already in matching). */
const LIVE_STATES = 'published,matching';

/** A listing picker: search as you type (GET /search), the chosen one shown by its title. */
function ListingPicker({
  listType,
  value,
  onChange,
  testId,
  placeholder,
}: {
  listType: 'scenario_need' | 'capability';
  value?: string;
  onChange?: (v?: string) => void;
  testId: string;
  placeholder: string;
}) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const hits = useQuery({
    queryKey: ['deals', 'picker', listType, q],
    // Only listings live on the platform can be a side of a deal (the server refuses others).
    queryFn: () => searchApi.search({ q: q || undefined, listType, status: LIVE_STATES, pageSize: 20 }),
  });
  const chosen = useQuery({ queryKey: ['search', 'listing', value], queryFn: () => searchApi.listing(value!), enabled: !!value });
  const options: Option[] = (hits.data?.items ?? []).map((h) => ({
    value: h.id,
    label: `${h.title.map((p) => p.text).join('')}（${h.organization.name}）`,
  }));
  if (value && chosen.data && !options.some((o) => o.value === value))
    options.unshift({ value, label: `${chosen.data.title}（${chosen.data.organization.name}）` });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      value={value}
      onChange={onChange}
      options={options}
      placeholder={placeholder}
      notFoundContent={hits.isFetching ? <Spin size="small" /> : '没有找到，请换个关键词'}
      data-testid={testId}
      aria-label={placeholder}
    />
  );
}

/** An organisation picker (operators): approved organisations by name. */
function OrganizationPicker({ value, onChange }: { value?: string; onChange?: (v?: string) => void }) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const orgs = useQuery({
    queryKey: ['deals', 'org-picker', q],
    queryFn: () => organizationsApi.organizations({ q: q || undefined, status: 'approved', pageSize: 20 }),
  });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      value={value}
      onChange={onChange}
      options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
      placeholder="搜索供给方机构"
      notFoundContent={orgs.isFetching ? <Spin size="small" /> : '没有找到'}
      data-testid="deal-new-organization"
      aria-label="供给方机构"
    />
  );
}

/** 新建对接 (operators and brokers): a need and a capability listing or a supplier organisation. */
export default function DealForm() {
  const access = useAccess();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const supplier = Form.useWatch('supplier', form) ?? 'capability';
  const brokers = useQuery({ queryKey: brokersKeys.list, queryFn: brokersApi.list, enabled: access.isOperator });

  const submit = async (v: Values) => {
    const body: CreateDealInput = {
      needId: v.needId!,
      ...(v.supplier === 'capability' ? { capabilityId: v.capabilityId } : { supplyOrganizationId: v.supplyOrganizationId }),
      title: v.title?.trim() || undefined,
      expectedAmountFen: v.amount?.trim() ? (parseYuanToFen(v.amount) ?? undefined) : undefined,
      brokerUserId: v.brokerUserId || undefined,
    };
    setBusy(true);
    setError(null);
    try {
      const r = await dealsApi.create(body);
      void qc.invalidateQueries({ queryKey: dealsKeys.all });
      void message[r.created ? 'success' : 'info'](r.created ? `已创建对接项目 ${r.deal.code}` : `该组合已有对接项目 ${r.deal.code}`);
      void navigate(`/deals/${r.deal.id}`);
    } catch (e) {
      const rest = applyServerErrors(form, e);
      setError(rest === null ? errorMessage(e) : rest.length > 0 ? rest.map((d) => d.message).join('；') : null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <PageHeader title="新建对接" sub="为一项需求推荐能力方，形成对接项目（阶段从“推荐”开始）。" />
      <Card style={{ maxWidth: 760 }}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="deal-new-error" />}
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          initialValues={{
            needId: params.get('needId') ?? undefined,
            capabilityId: params.get('capabilityId') ?? undefined,
            supplier: 'capability',
          }}
        >
          <Form.Item name="needId" label="需求" rules={[{ required: true, message: '请选择需求' }]}>
            <ListingPicker listType="scenario_need" testId="deal-new-need" placeholder="搜索场景需求" />
          </Form.Item>
          {access.isOperator && (
            <Form.Item name="supplier" label="供给方">
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'capability', label: '选择能力条目' },
                  { value: 'organization', label: '选择机构' },
                ]}
              />
            </Form.Item>
          )}
          {supplier === 'capability' ? (
            <Form.Item name="capabilityId" label="能力" rules={[{ required: true, message: '请选择能力' }]}>
              <ListingPicker listType="capability" testId="deal-new-capability" placeholder="搜索能力条目" />
            </Form.Item>
          ) : (
            <Form.Item name="supplyOrganizationId" label="供给方机构" rules={[{ required: true, message: '请选择供给方机构' }]}>
              <OrganizationPicker />
            </Form.Item>
          )}
          <Form.Item
            name="title"
            label="项目名称"
            extra="可留空，默认为“需求 × 能力（或机构）”"
            rules={[{ max: 200, message: '项目名称不能超过200字' }]}
          >
            <Input maxLength={200} data-testid="deal-new-title" />
          </Form.Item>
          <Form.Item
            name="amount"
            label="预计金额（元）"
            rules={[
              {
                validator: (_r, v: unknown) =>
                  typeof v !== 'string' || v.trim() === '' || parseYuanToFen(v) !== null
                    ? Promise.resolve()
                    : Promise.reject(new Error('请输入金额，如 1200000 或 1,200,000.50')),
              },
            ]}
          >
            <Input inputMode="decimal" suffix="元" data-testid="deal-new-amount" />
          </Form.Item>
          {access.isOperator && (
            <Form.Item name="brokerUserId" label="技术经理人" extra="可留空，由技术经理人认领">
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={brokers.isLoading}
                options={(brokers.data ?? []).map((b) => ({ value: b.userId, label: `${b.displayName}（在办 ${b.openDeals}）` }))}
                data-testid="deal-new-broker"
              />
            </Form.Item>
          )}
          <Space>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="deal-new-submit">
              创建对接项目
            </Button>
            <Button onClick={() => void navigate(-1)}>取消</Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
