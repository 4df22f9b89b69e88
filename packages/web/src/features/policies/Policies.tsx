import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { CloudUploadOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Select, Space, Switch, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import { DataTable } from '../../shared/components/DataTable';
import { PageHeader } from '../../shared/components/PageHeader';
import { useSearchState } from '../../shared/hooks';
import { useIsPhone } from '../../shared/responsive';
import { rowTestId } from '../../shared/testid';
import { useAccess } from '../auth/auth';
import { POLICY_STATE_LABELS, POLICY_SUPPORT_TYPE_LABELS, policiesApi, policiesKeys, type PolicySummary } from './api';
import { validityText } from './format';
import { PolicyStatus } from './PolicyStatus';

/** The 即将到期 tab: published policies still valid that end within this many days. */
const EXPIRING_DAYS = 30;

/** 政策库: the library for everyone signed in; operators also see drafts and withdrawn ones. */
export default function Policies() {
  const navigate = useNavigate();
  const { isOperator } = useAccess();
  const [params, update] = useSearchState();
  const tab = params.get('tab') === 'expiring' ? 'expiring' : 'all';
  const q = params.get('q') ?? '';
  const issuer = params.get('issuer') ?? '';
  const valid = params.get('valid') === 'true';
  const supportType = params.get('supportType') ?? '';
  const beneficiary = params.get('beneficiary') ?? '';
  const status = params.get('status') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  const query = {
    q: q || undefined,
    issuer: issuer || undefined,
    supportType: supportType || undefined,
    beneficiary: beneficiary || undefined,
    valid: valid || undefined,
    status: isOperator && status && tab === 'all' ? status : undefined,
    expiringWithinDays: tab === 'expiring' ? EXPIRING_DAYS : undefined,
    page,
    pageSize,
  };
  const list = useQuery({ queryKey: policiesKeys.list(query), queryFn: () => policiesApi.list(query), placeholderData: keepPreviousData });
  const filtered = !!(q || issuer || supportType || beneficiary || valid || status || tab === 'expiring');
  const phone = useIsPhone();

  // On a phone one column carries it all: the title, then who issued it, when, and until when.
  const phoneColumns: ColumnsType<PolicySummary> = [
    {
      title: '政策',
      dataIndex: 'title',
      render: (v: string, r) => (
        <div>
          <Link to={`/policies/${r.id}`} style={{ fontWeight: 600 }} data-testid="policy-link">
            {v}
          </Link>
          {isOperator && (
            <span style={{ marginLeft: 6 }}>
              <PolicyStatus status={r.status} />
            </span>
          )}
          <div style={{ color: '#666', fontSize: 13 }}>{[r.issuer, r.issuedOn, r.documentNumber].filter(Boolean).join(' · ') || '—'}</div>
          <div style={{ color: '#666', fontSize: 13 }}>
            有效期：{validityText(r)} · {r.measureCount} 条措施
          </div>
        </div>
      ),
    },
  ];
  const columns: ColumnsType<PolicySummary> = [
    {
      title: '政策名称',
      dataIndex: 'title',
      width: 360,
      render: (v: string, r) => (
        <Link to={`/policies/${r.id}`} style={{ fontWeight: 600 }} data-testid="policy-link">
          {v}
        </Link>
      ),
    },
    ...(isOperator
      ? [{ title: '状态', dataIndex: 'status', width: 90, render: (v: PolicySummary['status']) => <PolicyStatus status={v} /> }]
      : []),
    { title: '发文单位', dataIndex: 'issuer', width: 200, render: (v: string | null) => v ?? '—' },
    { title: '文号', dataIndex: 'documentNumber', width: 170, render: (v: string | null) => v ?? '—' },
    { title: '发布日期', dataIndex: 'issuedOn', width: 120, render: (v: string | null) => v ?? '—' },
    { title: '有效期', key: 'validity', width: 220, render: (_v, r) => validityText(r) },
    { title: '措施数', dataIndex: 'measureCount', width: 80, align: 'right' },
  ];

  return (
    <div>
      <PageHeader
        title="政策库"
        sub="已发布的科技创新政策：每条措施都可对照原文查看，部分措施可在线测算支持金额。"
        extra={
          isOperator && (
            <Button type="primary" icon={<CloudUploadOutlined />} onClick={() => navigate('/policies/new')} data-testid="policy-import">
              导入政策
            </Button>
          )
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => update({ tab: k === 'expiring' ? 'expiring' : undefined, page: '1' })}
        items={[
          { key: 'all', label: '全部政策' },
          { key: 'expiring', label: `即将到期（${EXPIRING_DAYS}天内）` },
        ]}
        data-testid="policies-tabs"
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="政策名称、文号或正文关键词"
          defaultValue={q}
          style={{ width: 260 }}
          onSearch={(v) => update({ q: v.trim(), page: '1' })}
          data-testid="policies-search"
        />
        <Input.Search
          allowClear
          placeholder="发文单位"
          defaultValue={issuer}
          style={{ width: 180 }}
          onSearch={(v) => update({ issuer: v.trim(), page: '1' })}
          data-testid="policies-issuer"
        />
        <Select
          allowClear
          placeholder="支持方式"
          style={{ width: 130 }}
          value={supportType || undefined}
          onChange={(v?: string) => update({ supportType: v ?? '', page: '1' })}
          options={Object.entries(POLICY_SUPPORT_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
          data-testid="policies-support-type"
        />
        <Input.Search
          allowClear
          placeholder="受益对象，如科技型中小企业"
          defaultValue={beneficiary}
          style={{ width: 220 }}
          onSearch={(v) => update({ beneficiary: v.trim(), page: '1' })}
          data-testid="policies-beneficiary"
        />
        <Space size={6}>
          <Switch
            checked={valid}
            onChange={(on) => update({ valid: on ? 'true' : undefined, page: '1' })}
            aria-label="只看有效政策"
            data-testid="policies-valid"
          />
          <Typography.Text>只看有效</Typography.Text>
        </Space>
        {isOperator && tab === 'all' && (
          <Select
            allowClear
            placeholder="按状态筛选"
            style={{ width: 140 }}
            value={status || undefined}
            onChange={(v?: string) => update({ status: v ?? '', page: '1' })}
            options={Object.entries(POLICY_STATE_LABELS).map(([value, label]) => ({ value, label }))}
            data-testid="policies-status-filter"
          />
        )}
      </Space>
      <DataTable<PolicySummary>
        error={list.error}
        onRetry={() => void list.refetch()}
        rowKey="id"
        columns={phone ? phoneColumns : columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        onRow={(r) => rowTestId(`policy-row-${r.id}`)}
        scroll={phone ? undefined : { x: 1200 }}
        empty={
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={tab === 'expiring' ? `没有${EXPIRING_DAYS}天内到期的政策` : filtered ? '没有符合条件的政策' : '政策库还没有政策'}
            data-testid="policies-empty"
          >
            {!filtered && isOperator && (
              <Button type="primary" onClick={() => navigate('/policies/new')}>
                导入政策
              </Button>
            )}
          </Empty>
        }
        pagination={{
          current: list.data?.page ?? page,
          pageSize: list.data?.pageSize ?? pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 项`,
          onChange: (p, ps) => update({ page: String(p), pageSize: String(ps) }),
        }}
      />
    </div>
  );
}
