import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../shared/http';
import { vocabularyApi, vocabularyKeys } from './api';
import { SYNONYM_KIND_OPTIONS, synonymKindLabel } from '../../shared/labels';
import { rowTestId } from '../../shared/testid';
import { fmtTime } from '../../shared/time';
import type { SynonymGroup, SynonymKind } from '../../shared/types';
import { ReasonModal } from '../../shared/components/ReasonModal';
import { DataTable } from '../../shared/components/DataTable';

/** Groups of words that find each other (equivalent, near, or one way from the first word). */
export function SynonymsCard() {
  const queryClient = useQueryClient();
  const groups = useQuery({ queryKey: vocabularyKeys.synonyms, queryFn: vocabularyApi.synonyms });
  const [form] = Form.useForm<{ kind: SynonymKind; terms: string[]; note?: string }>();
  const kind = Form.useWatch('kind', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<SynonymGroup | null>(null);

  const add = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await vocabularyApi.addSynonyms(v.kind, v.terms.map((t) => t.trim()).filter(Boolean), v.note?.trim());
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: vocabularyKeys.synonyms });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="同义词组" extra="检索和匹配时，组内的词互相找到" data-testid="dict-synonyms">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="syn-error" />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'equivalent', terms: [] }}
        onFinish={() => void add()}
        style={{ maxWidth: 720, marginBottom: 16 }}
      >
        <Space align="start" wrap>
          <Form.Item name="kind" label="关系" extra={SYNONYM_KIND_OPTIONS.find((o) => o.value === kind)?.help}>
            <Select
              options={SYNONYM_KIND_OPTIONS.map(({ value, label }) => ({ value, label }))}
              style={{ width: 140 }}
              data-testid="syn-kind"
            />
          </Form.Item>
          <Form.Item
            name="terms"
            label="词语（输入后按回车，2–10个）"
            rules={[
              { required: true, type: 'array', min: 2, message: '同义词组至少2个词' },
              { type: 'array', max: 10, message: '同义词组最多10个词' },
            ]}
          >
            <Select
              mode="tags"
              tokenSeparators={[',', '，', '、', ';', '；', ' ']}
              open={false}
              placeholder="如：人工智能 AI"
              style={{ width: 360 }}
              data-testid="syn-terms"
            />
          </Form.Item>
        </Space>
        <Form.Item name="note" label="备注（可选）">
          <Input maxLength={200} data-testid="syn-note" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="syn-add">
          添加同义词组
        </Button>
      </Form>
      <DataTable<SynonymGroup>
        error={groups.error}
        onRetry={() => void groups.refetch()}
        rowKey="id"
        size="small"
        loading={groups.isFetching}
        dataSource={groups.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(g) => rowTestId(`synonym-row-${g.id}`)}
        empty="暂无运营方添加的同义词组（系统内置同义词仍然有效）"
        columns={[
          { title: '关系', dataIndex: 'kind', width: 100, render: (k: string) => <Tag>{synonymKindLabel(k)}</Tag> },
          {
            title: '词语',
            dataIndex: 'terms',
            render: (terms: string[], g) => (
              <Space size={4} wrap>
                {terms.map((t, i) => (
                  <Tag key={t} color={g.kind === 'one_way' && i === 0 ? 'blue' : undefined}>
                    {t}
                  </Tag>
                ))}
                {g.kind === 'one_way' && <Typography.Text type="secondary">（由首词扩展）</Typography.Text>}
              </Space>
            ),
          },
          { title: '备注', dataIndex: 'note', width: 200, render: (v: string | null) => v ?? '—' },
          { title: '添加时间', dataIndex: 'createdAt', width: 150, render: (v?: string) => fmtTime(v) },
          {
            title: '操作',
            key: 'a',
            width: 80,
            render: (_v, g) => (
              <Button size="small" type="link" danger onClick={() => setRemoving(g)} data-testid="synonym-delete">
                删除
              </Button>
            ),
          },
        ]}
      />
      <ReasonModal
        open={!!removing}
        title={`删除同义词组「${removing?.terms.join('、') ?? ''}」`}
        label="删除原因"
        okText="删除"
        onCancel={() => setRemoving(null)}
        onSubmit={async (reason) => {
          await vocabularyApi.deleteSynonyms(removing!.id, reason);
          setRemoving(null);
          void queryClient.invalidateQueries({ queryKey: vocabularyKeys.synonyms });
        }}
      />
    </Card>
  );
}
