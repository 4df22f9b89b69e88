import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../shared/http';
import { reviewApi, reviewKeys } from './api';
import { useUser } from '../auth/auth';
import { PageHeader } from '../../shared/components/PageHeader';
import { useErrorToast } from '../../shared/hooks';
import { rowTestId } from '../../shared/testid';
import { fmtTime } from '../../shared/time';
import type { ReviewerRelation } from '../../shared/types';
import { DataTable } from '../../shared/components/DataTable';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Organisations the reviewer declared a relation with (任职、亲属、合作…): automatic assignment
 * never gives the reviewer their items. There is no organisation search open to reviewers, so a
 * new one is added by its 机构编号 here, or with 声明关联 next to the unit's name on a scoring page.
 */
export default function ReviewRelations() {
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: reviewKeys.myRelations, queryFn: reviewApi.myRelations });
  const [form] = Form.useForm<{ organizationId: string; note?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const add = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await reviewApi.declareRelation(v.organizationId.trim(), v.note?.trim() || undefined);
      void message.success('已声明关联单位');
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: reviewKeys.myRelations });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (r: ReviewerRelation) => {
    try {
      await reviewApi.withdrawRelation(r.organizationId);
      void message.success(`已撤回对「${r.organizationName}」的关联声明`);
      void queryClient.invalidateQueries({ queryKey: reviewKeys.myRelations });
    } catch (e) {
      toast(e);
    }
  };

  const columns: ColumnsType<ReviewerRelation> = [
    { title: '单位名称', dataIndex: 'organizationName', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: '说明', dataIndex: 'note', render: (v: string | null) => v || '—' },
    { title: '声明时间', dataIndex: 'createdAt', width: 150, render: (v: string) => fmtTime(v) },
    {
      title: '操作',
      key: 'op',
      width: 90,
      render: (_v, r) => (
        <Popconfirm
          title={`撤回对「${r.organizationName}」的关联声明？`}
          description="撤回后，该单位的项目可能再分配给您评审。"
          okText="撤回"
          cancelText="取消"
          okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }}
          onConfirm={() => remove(r)}
        >
          <Button size="small" danger type="link" data-testid="relation-delete">
            撤回
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <div>
      <PageHeader
        title="关联单位声明"
        sub="声明与您存在任职、合作、亲属等利益关系的单位，系统分配评审任务时将自动回避这些单位的项目。"
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/reviews')}>
            返回评审任务
          </Button>
        }
      />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`您所在单位「${user.organization.name}」的项目会自动回避，无需声明。`}
        description="评审实名项目时，可直接点击评分页单位名称旁的“声明关联”。其他单位请填写机构编号（可向运营方索取）。已分配的任务不会因新的声明而撤销，如需回避请在评分页“声明回避”。"
      />
      <DataTable<ReviewerRelation>
        error={list.error}
        onRetry={() => void list.refetch()}
        rowKey="organizationId"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.isFetching}
        onRow={(r) => rowTestId(`relation-row-${r.organizationId}`)}
        pagination={false}
        empty="尚未声明关联单位"
        style={{ marginBottom: 16 }}
      />
      <Card title="新增关联单位" size="small">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="relation-error" />}
        <Form form={form} layout="inline" onFinish={() => void add().catch(() => undefined)} style={{ rowGap: 8 }}>
          <Form.Item
            name="organizationId"
            label="机构编号"
            rules={[
              { required: true, whitespace: true, message: '请填写机构编号' },
              { pattern: UUID, message: '机构编号格式不正确（形如 1d441192-a98d-4797-be5f-47e7a2a25128）' },
            ]}
          >
            <Input style={{ width: 340 }} placeholder="机构编号" allowClear data-testid="relation-org-id" />
          </Form.Item>
          <Form.Item name="note" label="说明" rules={[{ max: 200, message: '说明不能超过200字' }]}>
            <Input style={{ width: 280 }} placeholder="如：曾任职、合作项目（选填）" maxLength={200} data-testid="relation-note" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="relation-add">
              声明
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </div>
  );
}
