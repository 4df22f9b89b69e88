import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ArrowLeftOutlined, DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Radio, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../shared/http';
import { publicationApi, publicationKeys, publicBatchDownloadUrl, publicBatchUrl } from './api';
import { LoadError } from '../../shared/components/LoadError';
import { PageHeader } from '../../shared/components/PageHeader';
import { FullPageSpin } from '../../app/RequireAuth';
import { TRL_LABELS } from '../../shared/labels';
import { useMeta } from '../../shared/meta';
import { rowTestId } from '../../shared/testid';
import { fmtTime } from '../../shared/time';
import type { BatchEntry, EntryCorrection } from '../../shared/types';
import { DataTable } from '../../shared/components/DataTable';

const contactText = (c: string | null) => c ?? '通过平台联系';

function budgetText(min: number | null, max: number | null) {
  if (min == null && max == null) return null;
  if (min != null && max != null) return min === max ? `${min} 万元` : `${min} – ${max} 万元`;
  return min != null ? `${min} 万元以上` : `${max} 万元以内`;
}

function EntryDetail({ e }: { e: BatchEntry }) {
  const meta = useMeta();
  const budget = budgetText(e.budgetMin, e.budgetMax);
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      style={{ maxWidth: 1000 }}
      items={[
        {
          key: 'd',
          label: '描述',
          span: 'filled',
          children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{e.description}</Typography.Paragraph>,
        },
        {
          key: 't',
          label: '技术领域',
          children: e.techFields.length ? e.techFields.map((t) => <Tag key={t}>{meta.techField(t)}</Tag>) : '—',
        },
        { key: 'c', label: '联系方式', children: contactText(e.contact) },
        ...(budget ? [{ key: 'b', label: '预算', children: budget }] : []),
        ...(e.maturityTrl ? [{ key: 'trl', label: '技术成熟度', children: TRL_LABELS[e.maturityTrl] ?? `${e.maturityTrl}级` }] : []),
        ...(e.erratum
          ? [{ key: 'e', label: '勘误说明', span: 'filled' as const, children: `${e.erratum}（${fmtTime(e.correctedAt)}）` }]
          : []),
      ]}
    />
  );
}

interface CorrectionValues {
  name: string;
  description: string;
  contactMode: 'keep' | 'set' | 'platform';
  contact?: string;
  erratum: string;
}

function CorrectionModal({
  batchId,
  entry,
  onClose,
  onDone,
}: {
  batchId: string;
  entry: BatchEntry;
  onClose: () => void;
  onDone: (e: BatchEntry) => void;
}) {
  const [form] = Form.useForm<CorrectionValues>();
  const mode = Form.useWatch('contactMode', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const ok = async () => {
    const v = await form.validateFields();
    const body: EntryCorrection = { erratum: v.erratum.trim() };
    if (v.name.trim() !== entry.name) body.name = v.name.trim();
    if (v.description.trim() !== entry.description) body.description = v.description.trim();
    if (v.contactMode === 'set') body.contact = v.contact?.trim() ?? '';
    if (v.contactMode === 'platform') body.contact = null;
    setBusy(true);
    setError(null);
    try {
      onDone(await publicationApi.correctEntry(batchId, entry.seq, body));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`勘误：第 ${entry.seq} 号`}
      okText="发布勘误"
      cancelText="取消"
      okButtonProps={{ loading: busy, 'data-testid': 'correct-confirm' }}
      onOk={() => void ok().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      width={680}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`当前为第 ${entry.version} 版，勘误后发布第 ${entry.version + 1} 版`}
        description="已发布的版本不会被修改，将与勘误说明一并公开保留。"
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="correct-error" />}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ name: entry.name, description: entry.description, contactMode: 'keep', contact: entry.contact ?? '', erratum: '' }}
      >
        <Form.Item
          name="name"
          label="名称"
          rules={[
            { required: true, whitespace: true, message: '请填写名称' },
            { min: 4, message: '名称至少4个字' },
            { max: 100, message: '名称不能超过100字' },
          ]}
        >
          <Input maxLength={100} data-testid="correct-name" />
        </Form.Item>
        <Form.Item
          name="description"
          label="描述"
          rules={[
            { required: true, whitespace: true, message: '请填写描述' },
            { min: 20, message: '描述至少20个字' },
            { max: 5000, message: '描述不能超过5000字' },
          ]}
        >
          <Input.TextArea rows={5} maxLength={5000} showCount data-testid="correct-description" />
        </Form.Item>
        <Form.Item name="contactMode" label={`联系方式（现为：${contactText(entry.contact)}）`}>
          <Radio.Group
            data-testid="correct-contact-mode"
            options={[
              { value: 'keep', label: '不修改' },
              { value: 'set', label: '修改为' },
              { value: 'platform', label: '改为“通过平台联系”' },
            ]}
          />
        </Form.Item>
        {mode === 'set' && (
          <Form.Item
            name="contact"
            rules={[
              { required: true, whitespace: true, message: '请填写联系方式' },
              { max: 200, message: '联系方式不能超过200字' },
            ]}
          >
            <Input maxLength={200} placeholder="联系人 电话 邮箱" data-testid="correct-contact" />
          </Form.Item>
        )}
        <Form.Item
          name="erratum"
          label="勘误说明"
          rules={[
            { required: true, whitespace: true, message: '请填写勘误说明' },
            { min: 4, message: '勘误说明至少4个字' },
            { max: 500, message: '勘误说明不能超过500字' },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder="说明更正了什么、为什么更正，将随新版本公开"
            data-testid="correct-erratum"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function BatchDetail() {
  const { id = '' } = useParams();
  const meta = useMeta();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const res = useQuery({ queryKey: publicationKeys.batch(id), queryFn: () => publicationApi.publicBatch(id) });
  const [correcting, setCorrecting] = useState<BatchEntry | null>(null);

  if (res.isFetching && !res.data) return <FullPageSpin />;
  if (!res.data) return <LoadError error={res.error} onRetry={() => void res.refetch()} />;
  const b = res.data;
  const entries = [...b.entries].sort((x, y) => x.seq - y.seq);
  const superseded = [...b.superseded].sort((x, y) => x.seq - y.seq || y.version - x.version);

  const versionCell = (e: BatchEntry) => (
    <Space size={4}>
      第{e.version}版
      {e.version > 1 && (
        <Tooltip title={e.erratum ? `勘误：${e.erratum}` : undefined}>
          <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="entry-erratum-tag">
            已勘误
          </Tag>
        </Tooltip>
      )}
    </Space>
  );

  const columns: ColumnsType<BatchEntry> = [
    { title: '序号', dataIndex: 'seq', width: 70, align: 'right' },
    {
      title: '名称',
      dataIndex: 'name',
      render: (v: string, e) => (
        <Link to={`/submissions/${e.submissionId}`} data-testid="entry-submission-link">
          {v}
        </Link>
      ),
    },
    { title: '发布单位', dataIndex: 'issuer', width: 220, ellipsis: true },
    { title: '领域', dataIndex: 'sector', width: 110, render: (v: string) => meta.sector(v) },
    {
      title: '地区',
      dataIndex: 'regionCode',
      width: 150,
      ellipsis: true,
      render: (v: string | null) => meta.region(v ?? undefined) || '—',
    },
    { title: '版本', key: 'version', width: 130, render: (_v, e) => versionCell(e) },
    {
      title: '操作',
      key: 'op',
      width: 80,
      render: (_v, e) => (
        <Button size="small" onClick={() => setCorrecting(e)} data-testid={`entry-correct-${e.seq}`}>
          勘误
        </Button>
      ),
    },
  ];

  const oldColumns: ColumnsType<BatchEntry> = [
    { title: '序号', dataIndex: 'seq', width: 70, align: 'right' },
    { title: '版本', dataIndex: 'version', width: 80, render: (v: number) => `第${v}版` },
    { title: '名称', dataIndex: 'name', width: 240 },
    { title: '描述', dataIndex: 'description', ellipsis: true },
    { title: '联系方式', dataIndex: 'contact', width: 180, ellipsis: true, render: (v: string | null) => contactText(v) },
    { title: '该版勘误说明', dataIndex: 'erratum', width: 200, ellipsis: true, render: (v: string | null) => v || '—' },
    { title: '发布时间', key: 'at', width: 150, render: (_v, e) => fmtTime(e.correctedAt ?? e.publishedAt) },
  ];

  return (
    <div>
      <PageHeader
        title={b.title}
        sub={`${meta.listType(b.listType)} · ${b.year}年第${b.number}批 · ${b.issuer} · 发布于 ${fmtTime(b.publishedAt)}`}
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/batches')}>
              返回列表
            </Button>
            <Button icon={<ExportOutlined />} href={publicBatchUrl(b.id)} target="_blank" data-testid="batch-public-link">
              公开页面
            </Button>
            <Button icon={<DownloadOutlined />} href={publicBatchDownloadUrl(b.id, 'xlsx')} data-testid="batch-download-xlsx">
              XLSX
            </Button>
            <Button icon={<DownloadOutlined />} href={publicBatchDownloadUrl(b.id, 'docx')} data-testid="batch-download-docx">
              DOCX
            </Button>
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 4 }}
          items={[
            { key: 'n', label: '条目数', children: b.entryCount },
            { key: 'c', label: '已勘误', children: `${entries.filter((e) => e.version > 1).length} 条` },
            { key: 'call', label: '所属征集', children: <Link to={`/calls/${b.callId}/review`}>评审与遴选</Link> },
            { key: 'pub', label: '发布时间', children: fmtTime(b.publishedAt) },
          ]}
        />
      </Card>
      <Card title="现行条目" style={{ marginBottom: 16 }}>
        <DataTable<BatchEntry>
          rowKey="id"
          columns={columns}
          dataSource={entries}
          onRow={(e) => rowTestId(`entry-row-${e.seq}`)}
          expandable={{ expandedRowRender: (e) => <EntryDetail e={e} /> }}
          scroll={{ x: 1000 }}
          pagination={{ defaultPageSize: 50, showSizeChanger: true, showTotal: (t) => `共 ${t} 条` }}
        />
      </Card>
      <Card title={`勘误前版本（${superseded.length}）`}>
        <DataTable<BatchEntry>
          rowKey="id"
          size="small"
          columns={oldColumns}
          dataSource={superseded}
          onRow={(e) => rowTestId(`superseded-row-${e.seq}-${e.version}`)}
          scroll={{ x: 1000 }}
          empty="没有勘误记录"
          pagination={false}
        />
      </Card>
      {correcting && (
        <CorrectionModal
          batchId={b.id}
          entry={correcting}
          onClose={() => setCorrecting(null)}
          onDone={(e) => {
            setCorrecting(null);
            void message.success(`第 ${e.seq} 号已发布勘误（第 ${e.version} 版）`);
            void queryClient.invalidateQueries({ queryKey: publicationKeys.batch(id) });
          }}
        />
      )}
    </div>
  );
}
