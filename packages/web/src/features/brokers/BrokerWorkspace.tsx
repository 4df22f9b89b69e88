import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { FollowUp, SuggestedMatch } from '@scenebridge/contract/brokers';
import { BROKER_WORKSPACE_LABELS } from '@scenebridge/contract/brokers/labels';
import { DEAL_STATE_LABELS } from '@scenebridge/contract/deals/labels';
import { App, Button, Card, Col, Empty, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { FullPageSpin } from '../../app/RequireAuth';
import { LoadError } from '../../shared/components/LoadError';
import { PageHeader } from '../../shared/components/PageHeader';
import { errorMessage } from '../../shared/http';
import { fmtDate } from '../../shared/time';
import { dealsApi, dealsKeys } from '../deals/api';
import { DealStage } from '../deals/DealTags';
import { formatYuan, formatYuanShort } from '../deals/money';
import { brokersApi, brokersKeys } from './api';
import { BrokerProfileCard } from './BrokerProfileCard';

const L = BROKER_WORKSPACE_LABELS;

function FollowUps({ items, empty, testId }: { items: FollowUp[]; empty: string; testId: string }) {
  return (
    <List
      size="small"
      data-testid={testId}
      dataSource={items}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
      renderItem={(f) => (
        <List.Item data-testid={`follow-up-${f.activityId}`}>
          <List.Item.Meta
            title={
              <Link to={`/deals/${f.dealId}`}>
                {f.dealCode} {f.dealTitle}
              </Link>
            }
            description={
              <Space size={6} wrap>
                <span>下一步：{f.nextStep}</span>
                <Tag color={f.overdue ? 'error' : 'processing'}>
                  {f.overdue ? '已逾期' : '今日'} · 截止 {f.dueOn}
                </Tag>
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}

/** 推荐对接: high-scoring pairs with no deal yet; 发起对接 turns one into a deal and opens it. */
function SuggestedMatches() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const q = useQuery({ queryKey: brokersKeys.suggested, queryFn: brokersApi.suggested });
  const start = async (m: SuggestedMatch) => {
    const key = `${m.need.id}:${m.capability.id}`;
    setBusy(key);
    try {
      const r = await dealsApi.create({ needId: m.need.id, capabilityId: m.capability.id });
      void qc.invalidateQueries({ queryKey: dealsKeys.all });
      void qc.invalidateQueries({ queryKey: brokersKeys.all });
      void message.success(`已发起对接 ${r.deal.code}`);
      void navigate(`/deals/${r.deal.id}`);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card
      title={L.suggestedMatches}
      extra={q.data && <Typography.Text type="secondary">匹配分 ≥ {q.data.minScore}</Typography.Text>}
      style={{ marginBottom: 16 }}
    >
      {q.error ? (
        <LoadError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <List
          size="small"
          loading={q.isLoading}
          data-testid="suggested-matches"
          dataSource={q.data?.items ?? []}
          pagination={(q.data?.items.length ?? 0) > 5 ? { pageSize: 5, size: 'small', showSizeChanger: false, align: 'center' } : false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无推荐：高分匹配都已有对接项目" /> }}
          renderItem={(m, i) => (
            <List.Item
              data-testid={`suggested-match-${i}`}
              actions={[
                <Button
                  key="start"
                  size="small"
                  type="primary"
                  loading={busy === `${m.need.id}:${m.capability.id}`}
                  onClick={() => void start(m)}
                  data-testid={`suggested-start-${i}`}
                >
                  发起对接
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space size={4} wrap>
                    <Link to={`/listings/${m.need.id}`}>{m.need.title}</Link>
                    <span aria-hidden>↔</span>
                    <Link to={`/listings/${m.capability.id}`}>{m.capability.title}</Link>
                  </Space>
                }
                description={
                  <Space size={4} wrap>
                    <span>
                      {m.need.organization.name} ↔ {m.capability.organization.name}
                    </span>
                    <Tag color="blue">匹配分 {Math.round(m.score)}</Tag>
                    {m.sharedTerms.slice(0, 5).map((t) => (
                      <Tag key={t}>{t}</Tag>
                    ))}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** 技术经理人工作台: caseload, follow-ups due today or overdue, dormant deals, figures, suggestions, profile. */
export default function BrokerWorkspace() {
  const q = useQuery({ queryKey: brokersKeys.workspace, queryFn: brokersApi.workspace });
  if (q.isLoading) return <FullPageSpin />;
  if (q.error || !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const w = q.data;
  const c = w.conversion;
  return (
    <div data-testid="broker-workspace">
      <PageHeader
        title="技术经理人工作台"
        sub={`${w.profile.displayName} · ${w.profile.organization.name} · 数据截至 ${w.today}（北京时间）`}
        extra={
          <Space wrap>
            <Link to="/deals?brokerId=none" data-testid="broker-claimable-link">
              可认领项目 {w.caseload.unassignedOpen} 项
            </Link>
            <Link to={`/deals?brokerId=${w.profile.userId}`}>我的看板</Link>
          </Space>
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="在办项目" value={w.caseload.open} suffix="项" data-testid="broker-open" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title="休眠项目"
              value={w.caseload.dormant}
              suffix="项"
              styles={{ content: { color: w.caseload.dormant > 0 ? '#d46b08' : undefined } }}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={L.signedRate} value={Math.round(c.signedRate * 1000) / 10} suffix="%" data-testid="broker-signed-rate" />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {L.handled} {c.handled} · {L.signed} {c.signed} · 终止 {c.declined}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={L.signedExpectedFen} value={formatYuanShort(c.signedExpectedFen)} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatYuan(c.signedExpectedFen)}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Card size="small" title={L.caseload} style={{ marginBottom: 16 }}>
        <Space wrap data-testid="broker-by-stage">
          {w.caseload.byStage.map((s) => (
            <Link key={s.stage} to={`/deals?view=list&status=${s.stage}&brokerId=${w.profile.userId}`}>
              <DealStage status={s.stage} /> {s.count}
            </Link>
          ))}
        </Space>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card title={`${L.dueToday}（${w.dueToday.length}）`} style={{ marginBottom: 16 }}>
            <FollowUps items={w.dueToday} empty="今天没有到期的下一步" testId="broker-due-today" />
          </Card>
          <Card title={`${L.overdue}（${w.overdue.length}）`} style={{ marginBottom: 16 }}>
            <FollowUps items={w.overdue} empty="没有逾期的下一步" testId="broker-overdue" />
          </Card>
          <Card title={`${L.dormantDeals}（${w.dormantDeals.length}）`} style={{ marginBottom: 16 }}>
            <List
              size="small"
              data-testid="broker-dormant"
              dataSource={w.dormantDeals}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有休眠项目" /> }}
              renderItem={(d) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <Link to={`/deals/${d.id}`}>
                        {d.code} {d.title}
                      </Link>
                    }
                    description={`${DEAL_STATE_LABELS[d.status]} · 最近跟进 ${fmtDate(d.lastActivityAt)}`}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <SuggestedMatches />
          <BrokerProfileCard profile={w.profile} />
        </Col>
      </Row>
    </div>
  );
}
