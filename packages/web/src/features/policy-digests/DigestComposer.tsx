import { CloseOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PolicySummary } from '@scenebridge/contract/policies';
import { Alert, Button, Card, Col, Form, Input, List, Row, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { DataTable } from '../../shared/components/DataTable';
import { PageHeader } from '../../shared/components/PageHeader';
import { applyServerErrors } from '../../shared/formErrors';
import { errorMessage } from '../../shared/http';
import { digestKeys, digestsApi } from './api';
import { togglePick } from './issue';

const MAX_POLICIES = 30;

interface Values {
  title: string;
  intro?: string;
}

/** 新建政策动态: pick published policies in the order they will appear, then title and 编者按. */
export default function DigestComposer() {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [picked, setPicked] = useState<PolicySummary[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const query = { q: q || undefined, page, pageSize: 10 };
  const policies = useQuery({
    queryKey: digestKeys.policies(query),
    queryFn: () => digestsApi.publishedPolicies(query),
    placeholderData: keepPreviousData,
  });
  const ids = picked.map((p) => p.id);
  const toggle = (p: PolicySummary) => {
    const next = togglePick(ids, p.id, MAX_POLICIES);
    const known = new Map([...picked, p].map((x) => [x.id, x]));
    setPicked(next.flatMap((id) => known.get(id) ?? []));
  };

  const create = async (v: Values) => {
    if (picked.length === 0) {
      setError('请至少选择一项政策');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const d = await digestsApi.create({ title: v.title.trim(), intro: v.intro?.trim() || undefined, policyIds: ids });
      void qc.invalidateQueries({ queryKey: digestKeys.all });
      void navigate(`/policy-digests/${d.id}`);
    } catch (e) {
      const rest = applyServerErrors(form, e);
      setError(rest === null ? errorMessage(e) : rest.length > 0 ? rest.map((d) => d.message).join('；') : null);
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<PolicySummary> = [
    { title: '政策', dataIndex: 'title', minWidth: 240 },
    { title: '发文单位', dataIndex: 'issuer', width: 160, render: (v: string | null) => v ?? '—' },
    { title: '发文日期', dataIndex: 'issuedOn', width: 110, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <div data-testid="digest-composer-page">
      <PageHeader
        title="新建政策动态"
        sub={`从已发布的政策中选择本期内容（最多${MAX_POLICIES}项），按选择顺序编排；创建后可调整顺序和摘要。`}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title="选择政策">
            <Input.Search
              allowClear
              placeholder="政策标题、文号或发文单位"
              onSearch={(v) => {
                setQ(v.trim());
                setPage(1);
              }}
              style={{ marginBottom: 12 }}
              aria-label="搜索政策"
              data-testid="digest-policy-search"
            />
            <DataTable<PolicySummary>
              error={policies.error}
              onRetry={() => void policies.refetch()}
              rowKey="id"
              columns={columns}
              dataSource={policies.data?.items ?? []}
              loading={policies.isFetching}
              scroll={{ x: 480 }}
              empty={q ? '没有符合条件的已发布政策' : '暂无已发布的政策'}
              rowSelection={{
                selectedRowKeys: ids,
                onSelect: (p) => toggle(p),
                hideSelectAll: true,
                getCheckboxProps: (p) => ({ disabled: !ids.includes(p.id) && ids.length >= MAX_POLICIES, 'aria-label': p.title }),
              }}
              pagination={{
                current: policies.data?.page ?? page,
                pageSize: 10,
                total: policies.data?.total ?? 0,
                onChange: (p) => setPage(p),
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={`本期内容（${picked.length}）`}>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="digest-create-error" />}
            <List
              size="small"
              dataSource={picked}
              locale={{ emptyText: '在左侧勾选政策' }}
              style={{ marginBottom: 16 }}
              renderItem={(p, i) => (
                <List.Item
                  actions={[
                    <Button key="x" type="text" size="small" icon={<CloseOutlined />} aria-label="移除" onClick={() => toggle(p)} />,
                  ]}
                >
                  <Typography.Text>
                    {i + 1}. {p.title}
                  </Typography.Text>
                </List.Item>
              )}
            />
            <Form<Values> form={form} layout="vertical" onFinish={(v) => void create(v)}>
              <Form.Item
                name="title"
                label="本期标题"
                rules={[
                  { required: true, whitespace: true, message: '请填写标题' },
                  { min: 2, message: '标题至少2个字' },
                  { max: 100, message: '标题不能超过100个字' },
                ]}
              >
                <Input maxLength={100} placeholder="例如 人工智能产业政策动态" data-testid="digest-title" />
              </Form.Item>
              <Form.Item name="intro" label="编者按" rules={[{ max: 2000, message: '编者按不能超过2000个字' }]}>
                <Input.TextArea rows={4} maxLength={2000} showCount data-testid="digest-intro" />
              </Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" loading={busy} data-testid="digest-create">
                  创建草稿
                </Button>
                <Button onClick={() => navigate('/policy-digests')}>取消</Button>
              </Space>
            </Form>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
