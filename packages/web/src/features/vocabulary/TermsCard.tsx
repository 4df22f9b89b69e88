import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../shared/http';
import { vocabularyApi, vocabularyKeys } from './api';
import { rowTestId } from '../../shared/testid';
import { fmtTime } from '../../shared/time';
import type { DictionaryTerm } from '../../shared/types';
import { ReasonModal } from '../../shared/components/ReasonModal';
import { DataTable } from '../../shared/components/DataTable';

/** Words the segmenter must keep whole (具身智能, 低空经济…). */
export function TermsCard() {
  const queryClient = useQueryClient();
  const terms = useQuery({ queryKey: vocabularyKeys.terms, queryFn: vocabularyApi.searchTerms });
  const [form] = Form.useForm<{ term: string; note?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<DictionaryTerm | null>(null);

  const add = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await vocabularyApi.addSearchTerm(v.term.trim(), v.note?.trim());
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: vocabularyKeys.terms });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="分词词条" extra="添加后检索将这些词作为整体识别" style={{ marginBottom: 16 }} data-testid="dict-terms">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="dict-error" />}
      <Form form={form} layout="inline" style={{ marginBottom: 16, rowGap: 8 }} onFinish={() => void add()}>
        <Form.Item
          name="term"
          rules={[
            { required: true, whitespace: true, message: '请输入词条' },
            { min: 2, message: '词条至少2个字' },
            { max: 30, message: '词条不能超过30个字' },
          ]}
        >
          <Input placeholder="词条，如：具身智能" maxLength={30} style={{ width: 200 }} data-testid="dict-term" />
        </Form.Item>
        <Form.Item name="note">
          <Input placeholder="备注（可选）" maxLength={200} style={{ width: 260 }} data-testid="dict-note" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="dict-add">
          添加词条
        </Button>
      </Form>
      <DataTable<DictionaryTerm>
        error={terms.error}
        onRetry={() => void terms.refetch()}
        rowKey="id"
        size="small"
        loading={terms.isFetching}
        dataSource={terms.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(t) => rowTestId(`term-row-${t.id}`)}
        empty="暂无运营方添加的词条（系统内置词典仍然有效）"
        columns={[
          { title: '词条', dataIndex: 'term', width: 180 },
          { title: '备注', dataIndex: 'note', render: (v: string | null) => v ?? '—' },
          { title: '添加人', dataIndex: 'createdBy', width: 140, render: (v?: string | null) => v ?? '—' },
          { title: '添加时间', dataIndex: 'createdAt', width: 150, render: (v?: string) => fmtTime(v) },
          {
            title: '操作',
            key: 'a',
            width: 80,
            render: (_v, t) => (
              <Flex>
                <Button size="small" type="link" danger onClick={() => setRemoving(t)} data-testid="term-delete">
                  删除
                </Button>
              </Flex>
            ),
          },
        ]}
      />
      <ReasonModal
        open={!!removing}
        title={`删除词条「${removing?.term ?? ''}」`}
        label="删除原因"
        okText="删除"
        onCancel={() => setRemoving(null)}
        onSubmit={async (reason) => {
          await vocabularyApi.deleteSearchTerm(removing!.id, reason);
          setRemoving(null);
          void queryClient.invalidateQueries({ queryKey: vocabularyKeys.terms });
        }}
      />
    </Card>
  );
}
