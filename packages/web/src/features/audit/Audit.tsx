import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Input, Select, Space, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { errorMessage } from '../../shared/http';
import { auditApi, auditKeys } from './api';
import { PageHeader } from '../../shared/components/PageHeader';
import { useDebounced, useSearchState } from '../../shared/hooks';
import { ExportButton } from '../../shared/components/ExportButton';
import { actionLabel, CHAIN_PROBLEM_LABELS, ENTITY_TYPE_LABELS } from '../../shared/labels';
import { useMeta } from '../../shared/meta';
import { rowTestId } from '../../shared/testid';
import { dayjs, fmtTime } from '../../shared/time';
import type { AuditEvent, ChainVerdict } from '../../shared/types';
import { DataTable } from '../../shared/components/DataTable';

export default function Audit() {
  const meta = useMeta();
  const stateLabel = (entityType: string, s: string) =>
    entityType === 'call'
      ? meta.callState(s)
      : entityType === 'submission'
        ? meta.submissionState(s)
        : entityType === 'organization'
          ? meta.organizationState(s)
          : s;
  const [params, update] = useSearchState();
  const entityType = params.get('entityType') ?? '';
  const entityId = params.get('entityId') ?? '';
  const actor = params.get('actor') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '50') || 50;
  const filters = { entityType, entityId, actor, from, to };
  const query = { ...filters, page, pageSize };
  // People to pick from: asked of the server as the operator types (and the one already chosen, to name it).
  const [personSearch, setPersonSearch] = useState('');
  const personQuery = useDebounced(personSearch.trim(), 300);
  const people = useQuery({
    queryKey: auditKeys.people(personQuery, actor),
    queryFn: () => auditApi.people(personQuery, actor),
    placeholderData: keepPreviousData,
  });
  const list = useQuery({ queryKey: auditKeys.list(query), queryFn: () => auditApi.audit(query), placeholderData: keepPreviousData });
  const [verdict, setVerdict] = useState<ChainVerdict | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);

  const verify = async () => {
    setVerifying(true);
    setVerdict(null);
    setVerifyError(null);
    try {
      setVerdict(await auditApi.verifyAudit());
    } catch (e) {
      setVerifyError(errorMessage(e));
    } finally {
      setVerifying(false);
    }
  };

  const columns: ColumnsType<AuditEvent> = [
    { title: '序号', dataIndex: 'seq', width: 80 },
    { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => fmtTime(v, 'YYYY-MM-DD HH:mm:ss') },
    {
      title: '操作人',
      dataIndex: 'actorLabel',
      width: 180,
      // Stored as "姓名 <email>" (or "system"): the name first, the address below it.
      render: (v: string) => {
        const m = /^(.*) <(.+)>$/.exec(v);
        if (!m) return v === 'system' ? '系统' : v;
        return (
          <Space orientation="vertical" size={0}>
            <span>{m[1]}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {m[2]}
            </Typography.Text>
          </Space>
        );
      },
    },
    { title: '操作', dataIndex: 'action', width: 120, render: (v: string) => <Tooltip title={v}>{actionLabel(v)}</Tooltip> },
    {
      title: '对象',
      key: 'entity',
      width: 220,
      render: (_v, r) => (
        <Space orientation="vertical" size={0}>
          <span>
            {ENTITY_TYPE_LABELS[r.entityType] ?? r.entityType}
            {r.entityName && <Typography.Text strong>：{r.entityName}</Typography.Text>}
          </span>
          {/* The id stays copyable (to filter by it) but is no longer what the reader has to go on. */}
          <Typography.Text type="secondary" copyable={{ text: r.entityId }} style={{ fontSize: 12 }}>
            {r.entityName ? '复制编号' : r.entityId.length > 12 ? `${r.entityId.slice(0, 12)}…` : r.entityId}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '状态变化',
      key: 'state',
      width: 200,
      render: (_v, r) => {
        const label = (s: string | null) => (s ? stateLabel(r.entityType, s) : '—');
        return r.fromState || r.toState ? `${label(r.fromState)} → ${label(r.toState)}` : '—';
      },
    },
    { title: '原因', dataIndex: 'reason', ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: '哈希',
      dataIndex: 'hash',
      width: 130,
      render: (v: string) => (
        <Typography.Text code copyable={{ text: v }} style={{ fontSize: 12 }}>
          {v.slice(0, 10)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <div>
      <PageHeader
        title="审计日志"
        sub="所有状态变更和关键操作按序号记录，每条记录的哈希包含前一条的哈希，任何删改都会使校验失败。"
        extra={
          <Space wrap>
            <ExportButton path="/audit/export.xlsx" filters={filters} />
            <Button
              type="primary"
              icon={<SafetyCertificateOutlined />}
              loading={verifying}
              onClick={() => void verify()}
              data-testid="verify-chain"
            >
              校验哈希链
            </Button>
          </Space>
        }
      />
      {verdict?.ok && (
        <Alert
          type="success"
          showIcon
          title={`完整：哈希链校验通过（已校验 ${verdict.checked} 条记录）`}
          style={{ marginBottom: 16 }}
          data-testid="verify-result"
          data-ok="true"
        />
      )}
      {verdict && !verdict.ok && (
        <Alert
          type="error"
          showIcon
          title="哈希链校验失败"
          description={
            verdict.firstBad
              ? `第一处异常：序号 ${verdict.firstBad.seq}（应为 ${verdict.firstBad.expectedSeq}），${CHAIN_PROBLEM_LABELS[verdict.firstBad.problem] ?? verdict.firstBad.problem}。此前 ${verdict.checked} 条记录完好。`
              : `已校验 ${verdict.checked} 条记录后发现异常。`
          }
          style={{ marginBottom: 16 }}
          data-testid="verify-result"
          data-ok="false"
        />
      )}
      {verifyError && <Alert type="error" showIcon title="校验请求失败" description={verifyError} style={{ marginBottom: 16 }} />}
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          style={{ width: 160 }}
          value={entityType}
          onChange={(v) => update({ entityType: v, page: undefined })}
          options={[{ value: '', label: '全部对象' }, ...Object.entries(ENTITY_TYPE_LABELS).map(([value, label]) => ({ value, label }))]}
          aria-label="按对象类型筛选"
          data-testid="audit-filter-entity-type"
        />
        <Input.Search
          key={entityId}
          allowClear
          defaultValue={entityId}
          placeholder="对象ID"
          onSearch={(v) => update({ entityId: v.trim() || undefined, page: undefined })}
          style={{ width: 300 }}
          aria-label="按对象编号检索"
          data-testid="audit-filter-entity-id"
        />
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
          onChange={(range) => update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD'), page: undefined })}
          placeholder={['开始日期', '结束日期']}
          aria-label="按日期筛选（北京时间，含起止当天）"
          data-testid="audit-filter-dates"
        />
        <Select
          allowClear
          style={{ width: 260 }}
          value={actor || undefined}
          placeholder="全部操作人"
          showSearch={{ filterOption: false, onSearch: setPersonSearch }}
          onChange={(v?: string) => {
            setPersonSearch('');
            update({ actor: v, page: undefined });
          }}
          loading={people.isFetching}
          notFoundContent={people.isFetching ? '查找中…' : '没有匹配的人员'}
          options={(people.data?.items ?? []).map((p) => ({
            value: p.id,
            label: `${p.displayName}（${p.organizationName}）`,
            title: p.email,
          }))}
          aria-label="按操作人筛选"
          data-testid="audit-filter-actor"
        />
      </Space>
      <DataTable<AuditEvent>
        error={list.error}
        onRetry={() => void list.refetch()}
        rowKey="seq"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        onRow={(r) => rowTestId(`audit-row-${r.seq}`)}
        scroll={{ x: 1200 }}
        empty="暂无审计记录"
        pagination={{
          current: list.data?.page ?? page,
          pageSize: list.data?.pageSize ?? pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (t) => `共 ${t} 条`,
          onChange: (p, ps) => update({ page: String(p), pageSize: String(ps) }),
        }}
      />
    </div>
  );
}
