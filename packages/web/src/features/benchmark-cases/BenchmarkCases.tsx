import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { BenchmarkBatch, BenchmarkBatchPreview, BenchmarkBatchRequest } from '@scenebridge/contract/benchmark-cases';
import type { SubmissionListItem } from '@scenebridge/contract/submissions';
import { PageHeader } from '../../shared/components/PageHeader';
import { errorMessage } from '../../shared/http';
import { fmtTime } from '../../shared/time';
import { benchmarkApi, benchmarkKeys, publicBenchmarkBatchUrl, publicBenchmarkDownloadUrl } from './api';

const MIN_RESULTS = 10;

/** The operator picks accepted items, writes each one's 成效说明, previews and publishes a numbered 标杆案例清单. */
export default function BenchmarkCases() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [selected, setSelected] = useState<string[]>([]);
  const [results, setResults] = useState<Record<string, string>>({});
  const [title, setTitle] = useState('');
  const [number, setNumber] = useState<number | null>(null);
  const [preview, setPreview] = useState<BenchmarkBatchPreview | null>(null);
  const [page, setPage] = useState(1);

  const accepted = useQuery({ queryKey: benchmarkKeys.accepted, queryFn: benchmarkApi.accepted });
  const batches = useQuery({
    queryKey: benchmarkKeys.batches({ page }),
    queryFn: () => benchmarkApi.batches({ page, pageSize: 10 }),
    placeholderData: keepPreviousData,
  });

  const request = (): BenchmarkBatchRequest => ({
    items: selected.map((submissionId) => ({ submissionId, resultsText: (results[submissionId] ?? '').trim() })),
    ...(title.trim() ? { title: title.trim() } : {}),
    ...(number ? { number } : {}),
  });
  const missing = selected.filter((id) => (results[id] ?? '').trim().length < MIN_RESULTS);

  const previewMut = useMutation({
    mutationFn: () => benchmarkApi.preview(request()),
    onSuccess: setPreview,
    onError: (e) => message.error(errorMessage(e)),
  });
  const publishMut = useMutation({
    mutationFn: () => benchmarkApi.publish(request()),
    onSuccess: (b) => {
      message.success(`已发布《${b.title}》`);
      setPreview(null);
      setSelected([]);
      setResults({});
      setTitle('');
      setNumber(null);
      void qc.invalidateQueries({ queryKey: benchmarkKeys.all });
    },
    onError: (e) => message.error(errorMessage(e)),
  });

  const pickColumns: ColumnsType<SubmissionListItem> = [
    { title: '名称', dataIndex: 'title' },
    { title: '单位', dataIndex: 'organizationName', width: 200, ellipsis: true },
    { title: '所属征集', dataIndex: 'callTitle', width: 220, ellipsis: true },
    {
      title: '成效说明（至少10字）',
      key: 'results',
      width: 360,
      render: (_v, r) => (
        <Input.TextArea
          rows={2}
          maxLength={2000}
          disabled={!selected.includes(r.id)}
          placeholder={selected.includes(r.id) ? '应用成效，如准确率、效率、节约成本' : '勾选后填写'}
          value={results[r.id] ?? ''}
          onChange={(e) => setResults((m) => ({ ...m, [r.id]: e.target.value }))}
          aria-label={`${r.title}的成效说明`}
          data-testid="benchmark-results"
        />
      ),
    },
  ];

  const batchColumns: ColumnsType<BenchmarkBatch> = [
    { title: '标题', dataIndex: 'title' },
    { title: '批次', key: 'no', width: 124, render: (_v, r) => `${r.year}年第${r.number}批` },
    { title: '案例数', dataIndex: 'entryCount', width: 80, align: 'right' },
    { title: '发布时间', dataIndex: 'publishedAt', width: 150, render: (v: string) => fmtTime(v) },
    {
      title: '公开与下载',
      key: 'links',
      width: 260,
      render: (_v, r) => (
        <Space size="middle" style={{ whiteSpace: 'nowrap' }}>
          <a href={publicBenchmarkBatchUrl(r.id)} target="_blank" rel="noreferrer">
            <ExportOutlined /> 公开页面
          </a>
          <a href={publicBenchmarkDownloadUrl(r.id, 'xlsx')}>
            <DownloadOutlined /> XLSX
          </a>
          <a href={publicBenchmarkDownloadUrl(r.id, 'docx')}>
            <DownloadOutlined /> DOCX
          </a>
        </Space>
      ),
    },
  ];

  return (
    <div>
      <PageHeader
        title="标杆案例清单"
        sub="从已验收的项目中选出成效显著的案例，按年度编号成批发布；发布后不可修改，更正以新版本附勘误说明。"
      />
      <Card title="选择已验收项目" style={{ marginBottom: 16 }}>
        <Table<SubmissionListItem>
          rowKey="id"
          size="small"
          loading={accepted.isLoading}
          dataSource={accepted.data?.items ?? []}
          columns={pickColumns}
          pagination={false}
          scroll={{ x: 900 }}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
          locale={{ emptyText: '暂无已验收的项目' }}
          data-testid="benchmark-accepted"
        />
        <Space wrap style={{ marginTop: 16 }}>
          <Input
            style={{ width: 320 }}
            placeholder="标题（默认：年份第N批人工智能场景标杆案例清单）"
            value={title}
            maxLength={100}
            onChange={(e) => setTitle(e.target.value)}
            aria-label="清单标题"
          />
          <InputNumber
            min={1}
            max={999}
            placeholder="批次号（默认下一批）"
            value={number}
            onChange={setNumber}
            style={{ width: 180 }}
            aria-label="批次号"
          />
          <Button
            type="primary"
            disabled={selected.length === 0 || missing.length > 0}
            loading={previewMut.isPending}
            onClick={() => previewMut.mutate()}
            data-testid="benchmark-preview"
          >
            预览并发布（{selected.length}项）
          </Button>
          {missing.length > 0 && <Typography.Text type="warning">请为每个已选项目填写至少10字的成效说明</Typography.Text>}
        </Space>
      </Card>

      <Card title="已发布的标杆案例清单">
        <Table<BenchmarkBatch>
          rowKey="id"
          size="small"
          loading={batches.isLoading}
          dataSource={batches.data?.items ?? []}
          columns={batchColumns}
          scroll={{ x: 800 }}
          pagination={{ current: page, pageSize: 10, total: batches.data?.total ?? 0, onChange: setPage }}
          locale={{ emptyText: '尚未发布标杆案例清单' }}
        />
      </Card>

      <Modal
        open={!!preview}
        title={preview ? `确认发布《${preview.title}》` : ''}
        okText="确认发布"
        cancelText="返回修改"
        confirmLoading={publishMut.isPending}
        onOk={() => publishMut.mutate()}
        onCancel={() => setPreview(null)}
        width={720}
        okButtonProps={{ 'data-testid': 'benchmark-confirm' } as ButtonProps}
      >
        {preview && (
          <>
            <Typography.Paragraph>
              {preview.year}年第{preview.number}批，发布单位：{preview.issuer}，共{preview.entries.length}
              项。发布后各项目转为「标杆案例」，清单向公众公开。
            </Typography.Paragraph>
            <Table
              rowKey="seq"
              size="small"
              pagination={false}
              dataSource={preview.entries}
              columns={[
                { title: '序号', dataIndex: 'seq', width: 60 },
                { title: '案例名称', dataIndex: 'name' },
                { title: '单位', dataIndex: 'issuer', width: 160 },
                { title: '成效说明', dataIndex: 'resultsText' },
              ]}
            />
          </>
        )}
      </Modal>
    </div>
  );
}
