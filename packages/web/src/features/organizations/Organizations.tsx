import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Input, Select, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { organizationLifecycle } from '@scenebridge/contract/organizations/lifecycle';
import type { ColumnsType } from 'antd/es/table';
import { organizationsApi, organizationsKeys } from './api';
import { ActionButtons } from '../../shared/components/ActionButtons';
import { ExportButton } from '../../shared/components/ExportButton';
import { PageHeader } from '../../shared/components/PageHeader';
import { StatusTag } from '../../shared/components/StatusTag';
import { useSearchState } from '../../shared/hooks';
import { useMeta } from '../../shared/meta';
import { fmtTime } from '../../shared/time';
import { rowTestId } from '../../shared/testid';
import type { Organization } from '../../shared/types';
import { DataTable } from '../../shared/components/DataTable';
import { LicenceLink } from './LicencePanel';
import { ProfilePanel } from './ProfilePanel';

export default function Organizations() {
  const meta = useMeta();
  const { message } = App.useApp();
  const [params, update] = useSearchState();
  const status = params.get('status') ?? 'pending';
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;

  const queryClient = useQueryClient();
  /** The organisation whose qualifications and 失信 flag are open in the drawer. */
  const [profileOf, setProfileOf] = useState<Organization | null>(null);
  const query = { status: status === 'all' ? undefined : status, q, page, pageSize };
  const list = useQuery({
    queryKey: organizationsKeys.list(query),
    queryFn: () => organizationsApi.organizations(query),
    placeholderData: keepPreviousData,
  });

  const run = async (org: Organization, action: string, reason?: string) => {
    await organizationsApi.organizationTransition(org.id, action, reason);
    void message.success(action === 'approve' ? `已通过「${org.name}」的注册审核` : `已驳回「${org.name}」`);
    void queryClient.invalidateQueries({ queryKey: organizationsKeys.all });
  };

  const columns: ColumnsType<Organization> = [
    {
      title: '机构名称',
      dataIndex: 'name',
      render: (v: string, r) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{v}</Typography.Text>
          <Typography.Text type="secondary">{r.address}</Typography.Text>
        </Space>
      ),
    },
    {
      title: '统一社会信用代码',
      dataIndex: 'creditCode',
      width: 200,
      render: (v: string) => (
        <Typography.Text code copyable>
          {v}
        </Typography.Text>
      ),
    },
    { title: '机构类型', dataIndex: 'kind', width: 120, render: (v: string) => meta.kind(v) },
    { title: '所在地区', dataIndex: 'regionCode', width: 140, render: (v: string, r) => r.regionName || meta.region(v) },
    { title: '联系人', dataIndex: 'contactName', width: 150, render: (v: string, r) => `${v} ${r.contactPhone}` },
    {
      title: '营业执照',
      key: 'licence',
      width: 200,
      render: (_v, r) =>
        r.licence ? (
          <Space orientation="vertical" size={0}>
            <LicenceLink organizationId={r.id} licence={r.licence} />
            <Typography.Text type="secondary">上传于 {fmtTime(r.licence.createdAt)}</Typography.Text>
          </Space>
        ) : (
          <Typography.Text type="warning" data-testid={`org-licence-missing-${r.id}`}>
            未上传
          </Typography.Text>
        ),
    },
    {
      title: '资质与信用',
      key: 'profile',
      width: 110,
      render: (_v, r) => (
        <Button size="small" onClick={() => setProfileOf(r)} data-testid={`org-profile-${r.id}`}>
          资质与信用
        </Button>
      ),
    },
    { title: '注册时间', dataIndex: 'createdAt', width: 150, render: (v: string) => fmtTime(v) },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      render: (v: string, r) => (
        <Tooltip title={r.statusReason ? `原因：${r.statusReason}` : undefined}>
          <span>
            <StatusTag kind="organization" status={v} />
          </span>
        </Tooltip>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 170,
      render: (_v, r) => (
        <ActionButtons
          size="small"
          actions={r.allowedActions}
          lifecycle={organizationLifecycle}
          exclude={['reapply']}
          testIdPrefix="org"
          testIdSuffix={r.id}
          labels={{ approve: '通过', reject: '驳回' }}
          reasonLabels={{ reject: '驳回原因' }}
          confirmTexts={{
            approve: `${r.licence ? '' : '该机构尚未上传营业执照。'}通过后「${r.name}」即可参与征集填报。`,
          }}
          onRun={(a, reason) => run(r, a, reason)}
        />
      ),
    },
  ];

  return (
    <div>
      <PageHeader
        title="机构审核"
        sub="审核注册机构的资质信息，点击营业执照文件名可打开查看。驳回时须填写原因，机构可据此修改（可重新上传营业执照）后重新提交。"
        extra={<ExportButton path="/organizations/export.xlsx" filters={{ status: query.status, q }} />}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          style={{ width: 160 }}
          value={status}
          onChange={(v) => update({ status: v, page: undefined })}
          aria-label="按状态筛选"
          data-testid="org-filter-status"
          options={[
            { value: 'pending', label: '待审核' },
            { value: 'approved', label: '已通过' },
            { value: 'rejected', label: '未通过' },
            { value: 'all', label: '全部状态' },
          ]}
        />
        <Input.Search
          allowClear
          placeholder="机构名称或信用代码"
          defaultValue={q}
          onSearch={(v) => update({ q: v.trim() || undefined, page: undefined })}
          style={{ width: 280 }}
          aria-label="按名称或信用代码检索"
          data-testid="org-filter-q"
        />
      </Space>
      <DataTable<Organization>
        error={list.error}
        onRetry={() => void list.refetch()}
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        onRow={(r) => rowTestId(`org-row-${r.id}`)}
        scroll={{ x: 1410 }}
        empty={status === 'pending' ? '暂无待审核的机构' : '暂无机构'}
        pagination={{
          current: list.data?.page ?? page,
          pageSize: list.data?.pageSize ?? pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 家`,
          onChange: (p, ps) => update({ page: String(p), pageSize: String(ps) }),
        }}
      />
      <Drawer
        open={!!profileOf}
        onClose={() => setProfileOf(null)}
        title={profileOf ? `${profileOf.name} · 资质与信用` : ''}
        size="large"
        destroyOnHidden
        data-testid="org-profile-drawer"
      >
        {profileOf && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph type="secondary">
              核验证书后登记资质；依据信用中国等官方名单设置失信标记。揭榜挂帅的资格审查读取这里的信息，每次修改均记入审计日志。
            </Typography.Paragraph>
            <ProfilePanel organizationId={profileOf.id} />
          </Space>
        )}
      </Drawer>
    </div>
  );
}
