import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { DataTable } from '../../shared/components/DataTable';
import { LinkButton } from '../../shared/components/LinkButton';
import { PageHeader } from '../../shared/components/PageHeader';
import { useSearchState } from '../../shared/hooks';
import { rowTestId } from '../../shared/testid';
import { fmtDate } from '../../shared/time';
import { useAccess } from '../auth/auth';
import { digestKeys, digestsApi, type DigestSummary } from './api';
import { issueLabel } from './issue';

/** 政策动态: the archive of published issues, newest first; operators also see their drafts. */
export default function DigestArchive() {
  const access = useAccess();
  const [params, update] = useSearchState();
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  const query = { page, pageSize };
  const list = useQuery({ queryKey: digestKeys.list(query), queryFn: () => digestsApi.list(query), placeholderData: keepPreviousData });

  const columns: ColumnsType<DigestSummary> = [
    {
      title: '期号',
      key: 'number',
      width: 200,
      render: (_v, d) =>
        d.status === 'draft' ? <Tag color="default">草稿</Tag> : <Typography.Text strong>{issueLabel(d)}</Typography.Text>,
    },
    {
      title: '标题',
      dataIndex: 'title',
      minWidth: 240,
      render: (v: string, d) => (
        <Link to={`/policy-digests/${d.id}`} data-testid={`digest-link-${d.id}`}>
          {v}
        </Link>
      ),
    },
    { title: '政策数', dataIndex: 'itemCount', width: 90, align: 'right' },
    {
      title: '日期',
      key: 'date',
      width: 160,
      render: (_v, d) => (d.publishedAt ? fmtDate(d.publishedAt) : `创建于 ${fmtDate(d.createdAt)}`),
    },
  ];

  return (
    <div data-testid="digest-archive-page">
      <PageHeader
        title="政策动态"
        sub="定期汇编新发布的政策及其要点，附本期推荐研究方向。"
        extra={
          access.isOperator && (
            <LinkButton to="/policy-digests/new" type="primary" icon={<PlusOutlined />} data-testid="digest-new">
              新建
            </LinkButton>
          )
        }
      />
      <DataTable<DigestSummary>
        error={list.error}
        onRetry={() => void list.refetch()}
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        onRow={(d) => rowTestId(`digest-row-${d.id}`)}
        scroll={{ x: 720 }}
        empty={access.isOperator ? '还没有政策动态，点击“新建”从已发布的政策中编一期。' : '暂无已发布的政策动态'}
        pagination={{
          current: list.data?.page ?? page,
          pageSize: list.data?.pageSize ?? pageSize,
          total: list.data?.total ?? 0,
          showTotal: (t) => `共 ${t} 期`,
          onChange: (p, ps) => update({ page: String(p), pageSize: String(ps) }),
        }}
      />
    </div>
  );
}
