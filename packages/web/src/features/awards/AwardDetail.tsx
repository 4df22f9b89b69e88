import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ACCEPTANCE_VERDICT_LABELS, ACCEPTOR_ROLE_LABELS, formatReward } from '@scenebridge/contract/awards/labels';
import { App, Button, Card, Descriptions, List, Progress, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { FullPageSpin } from '../../app/RequireAuth';
import { LoadError } from '../../shared/components/LoadError';
import { PageHeader } from '../../shared/components/PageHeader';
import { errorMessage } from '../../shared/http';
import { fmtTime } from '../../shared/time';
import { awardsApi, awardsKeys, type Award, type Milestone } from './api';
import { AwardStatus, MilestoneStatus } from './AwardStatus';
import { MilestoneForms, type Dialog } from './MilestoneForms';

/** 任务书 detail: header with paid / unpaid, the milestones with their acceptance, payments, and the caller's actions. */
export default function AwardDetail() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const q = useQuery({ queryKey: awardsKeys.detail(id), queryFn: () => awardsApi.get(id) });
  if (q.isLoading) return <FullPageSpin />;
  if (q.error || !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const a = q.data;
  const onDone = (next: Award) => {
    qc.setQueryData(awardsKeys.detail(id), next);
    void qc.invalidateQueries({ queryKey: awardsKeys.all });
  };
  const start = () =>
    modal.confirm({
      title: '启动任务书？',
      content: '启动后揭榜单位即可按里程碑提交交付物。',
      onOk: async () => {
        try {
          onDone(await awardsApi.start(a.id));
          void message.success('任务书已启动');
        } catch (e) {
          void message.error(errorMessage(e));
        }
      },
    });
  const percent = Math.floor((a.paidFen / a.amountFen) * 100);
  return (
    <div>
      <PageHeader
        title={`任务书 ${a.agreementNo}`}
        sub={<Link to={`/challenges/${a.challengeId}`}>{a.challengeTitle}</Link>}
        extra={
          <Space wrap>
            {a.allowedActions.includes('start') && (
              <Button type="primary" onClick={start} data-testid="award-start">
                启动任务书
              </Button>
            )}
            {a.allowedActions.includes('eliminate') && (
              <Button danger onClick={() => setDialog({ kind: 'eliminate' })} data-testid="award-eliminate">
                淘汰
              </Button>
            )}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2, md: 3 }} size="small">
          <Descriptions.Item label="中榜单位">{a.organizationName}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <AwardStatus status={a.status} />
          </Descriptions.Item>
          <Descriptions.Item label="中榜金额">{formatReward(a.amountFen)}</Descriptions.Item>
          <Descriptions.Item label="已付">{formatReward(a.paidFen)}</Descriptions.Item>
          <Descriptions.Item label="未付">{formatReward(a.amountFen - a.paidFen)}</Descriptions.Item>
          <Descriptions.Item label="启动时间">{a.agreementStartedAt ? fmtTime(a.agreementStartedAt) : '未启动'}</Descriptions.Item>
          {a.statusReason && <Descriptions.Item label="说明">{a.statusReason}</Descriptions.Item>}
        </Descriptions>
        <Progress percent={percent} format={() => `已付 ${percent}%`} data-testid="award-paid-progress" />
      </Card>
      <Card title="里程碑" style={{ marginBottom: 16 }}>
        <Table<Milestone>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 760 }}
          dataSource={a.milestones}
          columns={milestoneColumns(setDialog)}
          expandable={{ expandedRowRender: (m) => <MilestoneRounds m={m} />, rowExpandable: (m) => m.round > 0 }}
          onRow={(m) => ({ 'data-testid': `milestone-row-${m.seq}` }) as React.HTMLAttributes<HTMLElement>}
        />
      </Card>
      {a.payments.length > 0 && (
        <Card title="付款记录" style={{ marginBottom: 16 }}>
          <List
            size="small"
            dataSource={a.payments}
            renderItem={(p) => (
              <List.Item>
                {p.paidOn} · {a.milestones.find((m) => m.id === p.milestoneId)?.name} · {formatReward(p.amountFen)} · 凭证 {p.reference} ·{' '}
                {p.recordedByName}
              </List.Item>
            )}
          />
        </Card>
      )}
      {a.acceptanceReport && (
        <Card title="验收报告">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.acceptanceReport}</Typography.Paragraph>
        </Card>
      )}
      <MilestoneForms award={a} dialog={dialog} onClose={() => setDialog(null)} onDone={onDone} />
    </div>
  );
}

function milestoneColumns(open: (d: Dialog) => void): ColumnsType<Milestone> {
  const act = (m: Milestone, kind: 'deliver' | 'assign' | 'opinion' | 'pay', label: string) => (
    <Button size="small" onClick={() => open({ kind, milestone: m })} data-testid={`milestone-${kind}-${m.seq}`}>
      {label}
    </Button>
  );
  return [
    { title: '序号', dataIndex: 'seq', width: 56 },
    { title: '里程碑', dataIndex: 'name', minWidth: 120, render: (v: string, m) => `${v}${m.checkpoint ? '（检查点）' : ''}` },
    { title: '状态', dataIndex: 'status', width: 110, render: (v: string) => <MilestoneStatus status={v} /> },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      render: (_v, m) => (
        <Space wrap size={4}>
          {m.canDeliver && act(m, 'deliver', '提交交付物')}
          {m.canAssignAcceptors && act(m, 'assign', '指派验收专家')}
          {m.canRecordOpinion && act(m, 'opinion', '验收意见')}
          {m.canPay && act(m, 'pay', '登记付款')}
        </Space>
      ),
    },
    { title: '金额', dataIndex: 'amountFen', width: 120, align: 'right', render: (v: number) => formatReward(v) },
    { title: '已付', dataIndex: 'paidFen', width: 120, align: 'right', render: (v: number) => formatReward(v) },
    { title: '计划完成', dataIndex: 'dueDate', width: 110, render: (v: string | null) => v ?? '—' },
  ];
}

/** The delivery and the acceptance opinions, current round first. */
function MilestoneRounds({ m }: { m: Milestone }) {
  const rounds = [...new Set(m.acceptors.map((x) => x.round)), m.round].filter((r, i, all) => all.indexOf(r) === i).sort((x, y) => y - x);
  return (
    <div style={{ minWidth: 0 }}>
      {m.deliveryNote && (
        <Typography.Paragraph>
          第{m.round}轮交付（{m.deliveredAt ? fmtTime(m.deliveredAt) : ''}）：{m.deliveryNote}
          {m.deliveryFiles.map((f) => (
            <span key={f.url}>
              {' '}
              <a href={f.url} target="_blank" rel="noopener noreferrer">
                {f.title}
              </a>
            </span>
          ))}
        </Typography.Paragraph>
      )}
      {m.conditions && <Typography.Paragraph type="warning">验收条件：{m.conditions}</Typography.Paragraph>}
      {m.statusReason && <Typography.Paragraph type="danger">未通过原因：{m.statusReason}</Typography.Paragraph>}
      {rounds.map((r) => (
        <div key={r}>
          <Typography.Text strong>第{r}轮验收</Typography.Text>
          <List
            size="small"
            dataSource={m.acceptors.filter((x) => x.round === r)}
            locale={{ emptyText: '尚未指派或登记' }}
            renderItem={(x) => (
              <List.Item>
                {ACCEPTOR_ROLE_LABELS[x.role]} {x.displayName}：
                {x.verdict ? `${ACCEPTANCE_VERDICT_LABELS[x.verdict]}，${x.score}分${x.opinion ? `，${x.opinion}` : ''}` : '待登记'}
              </List.Item>
            )}
          />
        </div>
      ))}
    </div>
  );
}
