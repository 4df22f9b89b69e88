import { Alert, App, Button, Divider, Flex, Input, InputNumber, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../shared/http';
import { useErrorToast } from '../../shared/hooks';
import { applicationReviewApi, type ApplicationReviewDetail } from './api';

type Scores = Record<string, number | null>;
const outOfRange = (v: number | null | undefined) => v != null && (v < 0 || v > 100);

/** Scores and comments per criterion of the challenge's scheme; saved as a draft or submitted (then fixed). */
export function ScoreForm({ a, onSaved }: { a: ApplicationReviewDetail; onSaved: () => void }) {
  const { message, modal } = App.useApp();
  const toast = useErrorToast();
  const editable = a.status === 'assigned';
  const [scores, setScores] = useState<Scores>(() => Object.fromEntries(a.criteria.map((c) => [c.key, a.scores[c.key] ?? null])));
  const [comments, setComments] = useState<Record<string, string>>(() =>
    Object.fromEntries(a.criteria.map((c) => [c.key, a.comments[c.key] ?? ''])),
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const total = Math.round(a.criteria.reduce((s, c) => s + (scores[c.key] ?? 0) * c.weight, 0)) / 100;

  const send = async (submit: boolean) => {
    setError(null);
    const bad = a.criteria.filter((c) => outOfRange(scores[c.key]));
    if (bad.length) return setError(`${bad.map((c) => c.name).join('、')}：分数须在0到100之间`);
    const missing = a.criteria.filter((c) => scores[c.key] == null);
    if (submit && missing.length) return setError(`请为以下评审指标打分：${missing.map((c) => c.name).join('、')}`);
    const s = Object.fromEntries(Object.entries(scores).filter((e): e is [string, number] => e[1] != null));
    const cm = Object.fromEntries(Object.entries(comments).filter(([, v]) => v.trim()));
    const go = async () => {
      setBusy(true);
      try {
        await applicationReviewApi.save(a.id, s, cm, submit);
        void message.success(submit ? '评分已提交' : '评分已保存，提交前可继续修改');
        onSaved();
      } catch (e) {
        if (e instanceof ApiError && e.status === 400) setError(e.message);
        else toast(e);
      } finally {
        setBusy(false);
      }
    };
    if (!submit) return go();
    modal.confirm({
      title: '确定提交评分吗？',
      content: `加权总分 ${total.toFixed(2)} 分。提交后不可修改。`,
      okText: '提交评分',
      onOk: go,
    });
  };

  return (
    <div data-testid="app-review-form">
      {a.criteria.map((c, i) => (
        <div key={c.key}>
          {i > 0 && <Divider style={{ margin: '12px 0' }} />}
          <Flex justify="space-between" align="center" gap={8} style={{ marginBottom: 6 }}>
            <Typography.Text strong>
              {i + 1}. {c.name}
            </Typography.Text>
            <Tag color="blue">权重 {c.weight}%</Tag>
          </Flex>
          {editable ? (
            <>
              <InputNumber
                value={scores[c.key]}
                placeholder="0–100"
                suffix="分"
                style={{ width: 140, marginBottom: 6 }}
                status={outOfRange(scores[c.key]) ? 'error' : undefined}
                onChange={(n) => setScores((x) => ({ ...x, [c.key]: typeof n === 'number' ? n : null }))}
                data-testid={`app-review-score-${c.key}`}
              />
              <Input.TextArea
                rows={2}
                maxLength={2000}
                value={comments[c.key]}
                placeholder="评审意见（选填）"
                onChange={(e) => setComments((x) => ({ ...x, [c.key]: e.target.value }))}
              />
            </>
          ) : (
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              得分：{scores[c.key] ?? '—'}
              {comments[c.key] ? `\n${comments[c.key]}` : ''}
            </Typography.Paragraph>
          )}
        </div>
      ))}
      <Divider style={{ margin: '16px 0 12px' }} />
      <Flex justify="space-between" align="baseline">
        <span>加权总分</span>
        <Typography.Text strong style={{ fontSize: 22 }} data-testid="app-review-total">
          {a.weightedScore != null ? a.weightedScore.toFixed(2) : total.toFixed(2)}
        </Typography.Text>
      </Flex>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {editable && (
        <Flex gap={8} wrap style={{ marginTop: 16 }}>
          <Button loading={busy} onClick={() => void send(false)}>
            保存
          </Button>
          <Button type="primary" loading={busy} onClick={() => void send(true)} data-testid="app-review-submit">
            提交评分
          </Button>
        </Flex>
      )}
    </div>
  );
}
