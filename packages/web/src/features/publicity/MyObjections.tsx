import { useQuery } from '@tanstack/react-query';
import { Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { DataTable } from '../../shared/components/DataTable';
import { PageHeader } from '../../shared/components/PageHeader';
import { fmtTime } from '../../shared/time';
import { publicityApi, publicityKeys, type Objection } from './api';
import { ObjectionStatus } from './PublicityStatus';

/** 本单位的异议: every objection the organisation lodged, with the operator's decision and reason. */
export default function MyObjections() {
  const list = useQuery({ queryKey: publicityKeys.mine, queryFn: () => publicityApi.mine() });
  const columns: ColumnsType<Objection> = [
    { title: '提出时间', dataIndex: 'createdAt', width: 150, render: (v: string) => fmtTime(v) },
    {
      title: '公示',
      dataIndex: 'publicityTitle',
      minWidth: 220,
      render: (v: string, o) => <Link to={`/publicity/${o.publicityId}`}>{v}</Link>,
    },
    { title: '异议条目', dataIndex: 'itemName', width: 200 },
    { title: '理由', dataIndex: 'reasons', minWidth: 220, ellipsis: true },
    {
      title: '处理结果',
      key: 'status',
      width: 240,
      render: (_, o) => (
        <Space direction="vertical" size={2}>
          <ObjectionStatus status={o.status} />
          {o.decisionReason && <Typography.Text type="secondary">理由：{o.decisionReason}</Typography.Text>}
        </Space>
      ),
    },
  ];
  return (
    <div>
      <PageHeader title="本单位的异议" sub={<Link to="/publicity">返回公示列表</Link>} />
      <DataTable<Objection>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        empty="本单位尚未提出异议"
        pagination={false}
      />
    </div>
  );
}
