import { ArrowDownOutlined, ArrowUpOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { chineseListMarker } from '@scenebridge/domain/policies';
import { Alert, App, Button, Card, Flex, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { PageHeader } from '../../shared/components/PageHeader';
import { useUnsavedChangesPrompt } from '../../shared/hooks';
import { ApiError, errorMessage } from '../../shared/http';
import { digestKeys, digestsApi, type DigestDetail } from './api';
import { DIRECTION_SLOTS, draftOf, draftProblems, moveItem, updateBody, type Draft, type DraftItem } from './issue';

function ItemEditor(props: {
  item: DraftItem;
  problem?: string;
  index: number;
  count: number;
  onChange: (item: DraftItem) => void;
  onMove: (to: number) => void;
}) {
  const { item, problem, index, count, onChange, onMove } = props;
  const policy = useQuery({ queryKey: digestKeys.policy(item.policyId), queryFn: () => digestsApi.policy(item.policyId) });
  const options = (policy.data?.measures ?? []).map((m) => ({
    value: m.id,
    label: `${m.marker} ${m.heading ?? m.path}${m.terms.length > 0 ? `（${m.terms.length}项数值）` : ''}`,
  }));
  return (
    <Card
      size="small"
      data-testid={`digest-item-${index}`}
      title={
        <Typography.Text strong ellipsis style={{ maxWidth: '100%' }}>
          {chineseListMarker(index + 1)}
          {item.title}
        </Typography.Text>
      }
      extra={
        <Space size={0}>
          <Button type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onMove(index - 1)} aria-label="上移" />
          <Button
            type="text"
            icon={<ArrowDownOutlined />}
            disabled={index === count - 1}
            onClick={() => onMove(index + 1)}
            aria-label="下移"
          />
        </Space>
      }
    >
      <Form layout="vertical" component="div">
        <Form.Item label="摘要" required validateStatus={problem ? 'error' : undefined} help={problem}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 12 }}
            maxLength={5000}
            value={item.summary}
            onChange={(e) => onChange({ ...item, summary: e.target.value })}
            data-testid={`digest-item-summary-${index}`}
          />
        </Form.Item>
        <Form.Item label="重点措施" style={{ marginBottom: 0 }}>
          <Select
            mode="multiple"
            allowClear
            loading={policy.isLoading}
            value={item.measureIds}
            onChange={(ids: string[]) => onChange({ ...item, measureIds: ids })}
            options={options}
            optionFilterProp="label"
            placeholder="选择要列出的措施"
            maxCount={20}
            data-testid={`digest-item-measures-${index}`}
          />
        </Form.Item>
      </Form>
    </Card>
  );
}

function DirectionsEditor({ draft, setDraft, problems }: { draft: Draft; setDraft: (d: Draft) => void; problems: Record<string, string> }) {
  const set = (i: number, patch: Partial<Draft['directions'][number]>) =>
    setDraft({ ...draft, directions: draft.directions.map((d, j) => (j === i ? { ...d, ...patch } : d)) });
  return (
    <Card title="本期推荐研究方向" size="small">
      {draft.directions.slice(0, DIRECTION_SLOTS).map((d, i) => (
        <Flex key={i} vertical gap={4} style={{ marginBottom: 12 }}>
          <Input
            prefix={`方向${i + 1}：`}
            value={d.title}
            maxLength={100}
            onChange={(e) => set(i, { title: e.target.value })}
            placeholder="方向标题"
            status={problems[`directions.${i}.title`] ? 'error' : undefined}
            aria-invalid={problems[`directions.${i}.title`] ? true : undefined}
            data-testid={`digest-direction-title-${i}`}
          />
          {problems[`directions.${i}.title`] && (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {problems[`directions.${i}.title`]}
            </Typography.Text>
          )}
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={1000}
            value={d.text}
            onChange={(e) => set(i, { text: e.target.value })}
            placeholder="方向说明"
          />
        </Flex>
      ))}
    </Card>
  );
}

/** A draft issue: order, summaries, key measures and directions; saved with its version, then published. */
export function DigestEditor({ digest }: { digest: DigestDetail }) {
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const [draft, setDraftState] = useState<Draft>(() => draftOf(digest));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const dirty = useRef(false);
  useUnsavedChangesPrompt(dirty);
  const setDraft = (d: Draft) => {
    dirty.current = true;
    setDraftState(d);
  };

  const save = async (): Promise<DigestDetail | null> => {
    const found = draftProblems(draft);
    setProblems(found);
    setError(Object.keys(found).length > 0 ? '请先修改标出的内容' : null);
    if (Object.keys(found).length > 0) return null;
    setBusy(true);
    try {
      const saved = await digestsApi.update(digest.id, updateBody(draft, digest.version));
      dirty.current = false;
      qc.setQueryData(digestKeys.detail(digest.id), saved);
      void qc.invalidateQueries({ queryKey: digestKeys.list({}) });
      return saved;
    } catch (e) {
      const fields = e instanceof ApiError ? e.fieldErrors : [];
      setProblems(Object.fromEntries(fields.map((f) => [f.path, f.message])));
      setError(fields.length > 0 ? fields.map((f) => f.message).join('；') : errorMessage(e));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const publish = () =>
    modal.confirm({
      title: '发布本期政策动态',
      content: (
        <>
          <p>发布后期号在发布时确定：按本年度和累计已发布的期数顺延，编为“第N期（总第M期）”。</p>
          <p>发布后不能再修改，并将通过邮件发送给订阅用户。{dirty.current ? '未保存的修改会先保存。' : ''}</p>
        </>
      ),
      okText: '发布',
      cancelText: '取消',
      okButtonProps: { 'data-testid': 'digest-publish-ok' },
      onOk: async () => {
        const current = dirty.current ? await save() : digest;
        if (!current) return;
        try {
          const published = await digestsApi.publish(digest.id, current.version);
          qc.setQueryData(digestKeys.detail(digest.id), published);
          void qc.invalidateQueries({ queryKey: digestKeys.all });
          void message.success(`已发布：${published.numberText ?? ''}`);
        } catch (e) {
          setError(errorMessage(e));
        }
      },
    });

  return (
    <div data-testid="digest-editor">
      <PageHeader
        title={
          <Space>
            编辑政策动态 <Tag>草稿</Tag>
          </Space>
        }
        sub={`版本 ${digest.version} · 期号在发布时确定`}
        extra={
          <Space wrap>
            <Button onClick={() => void save().then((s) => s && void message.success('已保存'))} loading={busy} data-testid="digest-save">
              保存
            </Button>
            <Button type="primary" icon={<SendOutlined />} onClick={publish} disabled={busy} data-testid="digest-publish">
              发布
            </Button>
          </Space>
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="digest-error" />}
      <Flex vertical gap={12}>
        <Card size="small">
          <Form layout="vertical" component="div">
            <Form.Item label="本期标题" required validateStatus={problems.title ? 'error' : undefined} help={problems.title}>
              <Input
                value={draft.title}
                maxLength={100}
                onChange={(e) => setDraft({ ...draft, title: e.target.value })}
                data-testid="digest-edit-title"
              />
            </Form.Item>
            <Form.Item label="编者按" style={{ marginBottom: 0 }}>
              <Input.TextArea
                autoSize={{ minRows: 2, maxRows: 8 }}
                maxLength={2000}
                value={draft.intro}
                onChange={(e) => setDraft({ ...draft, intro: e.target.value })}
              />
            </Form.Item>
          </Form>
        </Card>
        {draft.items.map((item, i) => (
          <ItemEditor
            key={item.policyId}
            item={item}
            problem={problems[`items.${i}.summary`]}
            index={i}
            count={draft.items.length}
            onChange={(next) => setDraft({ ...draft, items: draft.items.map((x, j) => (j === i ? next : x)) })}
            onMove={(to) => setDraft({ ...draft, items: moveItem(draft.items, i, to) })}
          />
        ))}
        <DirectionsEditor draft={draft} setDraft={setDraft} problems={problems} />
      </Flex>
    </div>
  );
}
