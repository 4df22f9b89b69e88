import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { publicationApi, publicationKeys, publicBatchDownloadUrl, publicBatchUrl } from './api';
import { PageHeader } from '../../shared/components/PageHeader';
import { useSearchState } from '../../shared/hooks';
import { useMeta } from '../../shared/meta';
import { rowTestId } from '../../shared/testid';
import { fmtTime } from '../../shared/time';
import type { Batch } from '../../shared/types';
import { DataTable } from '../../shared/components/DataTable';

/** Published batches (GET /public/batches), with links to the public pages and downloads. */
export default function Batches() {
  const meta = useMeta();
  const [params, update] = useSearchState();
  const listType = params.get('listType') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  const query = { listType, page, pageSize };
  const list = useQuery({
    queryKey: publicationKeys.batches(query),
    queryFn: () => publicationApi.publicBatches(query),
    placeholderData: keepPreviousData,
  });

  const columns: ColumnsType<Batch> = [
    {
      title: '标题',
      dataIndex: 'title',
      render: (v: string, r) => (
        <Link to={`/batches/${r.id}`} data-testid="batch-link">
          {v}
        </Link>
      ),
    },
    { title: '类型', dataIndex: 'listType', width: 100, render: (v: string) => meta.listType(v) },
    { title: '批次', key: 'no', width: 124, render: (_v, r) => `${r.year}年第${r.number}批` },
    { title: '条目数', dataIndex: 'entryCount', width: 80, align: 'right' },
    { title: '发布单位', dataIndex: 'issuer', width: 200, ellipsis: true },
    { title: '发布时间', dataIndex: 'publishedAt', width: 150, render: (v: string) => fmtTime(v) },
    {
      title: '公开与下载',
      key: 'links',
      width: 260,
      render: (_v, r) => (
        <Space size="middle" style={{ whiteSpace: 'nowrap' }}>
          <a href={publicBatchUrl(r.id)} target="_blank" rel="noreferrer" data-testid="batch-public-link">
            <ExportOutlined /> 公开页面
          </a>
          <a href={publicBatchDownloadUrl(r.id, 'xlsx')} data-testid="batch-download-xlsx">
            <DownloadOutlined /> XLSX
          </a>
          <a href={publicBatchDownloadUrl(r.id, 'docx')} data-testid="batch-download-docx">
            <DownloadOutlined /> DOCX
          </a>
        </Space>
      ),
    },
  ];

  return (
    <div>
      <PageHeader title="发布批次" sub="已发布的人工智能场景机会清单和能力清单。发布后条目不可修改，更正请在批次详情中发布勘误。" />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          style={{ width: 160 }}
          value={listType}
          onChange={(v) => update({ listType: v, page: undefined })}
          options={[
            { value: '', label: '全部清单类型' },
            { value: 'scenario_need', label: meta.listType('scenario_need') },
            { value: 'capability', label: meta.listType('capability') },
          ]}
          aria-label="按清单类型筛选"
          data-testid="batch-filter-list-type"
        />
      </Space>
      <DataTable<Batch>
        error={list.error}
        onRetry={() => void list.refetch()}
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        onRow={(r) => rowTestId(`batches-row-${r.id}`)}
        scroll={{ x: 1150 }}
        empty="尚未发布批次。在征集的“评审与遴选”页面将已入选项目发布为批次。"
        pagination={{
          current: list.data?.page ?? page,
          pageSize: list.data?.pageSize ?? pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 批`,
          onChange: (p, ps) => update({ page: String(p), pageSize: String(ps) }),
        }}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        公开页面与下载文件无需登录即可访问，可直接转发链接。
      </Typography.Paragraph>
    </div>
  );
}
