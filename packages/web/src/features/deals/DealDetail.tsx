import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { DEAL_STATE_LABELS } from '@scenebridge/contract/deals/labels';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Modal, Row, Select, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { FullPageSpin } from '../../app/RequireAuth';
import { LoadError } from '../../shared/components/LoadError';
import { PageHeader } from '../../shared/components/PageHeader';
import { errorMessage } from '../../shared/http';
import { useIsPhone } from '../../shared/responsive';
import { fmtTime } from '../../shared/time';
import { brokersApi, brokersKeys } from '../brokers/api';
import { ActivityForm } from './ActivityForm';
import { ActivityTimeline } from './ActivityTimeline';
import { dealsApi, dealsKeys, type DealDetail as Detail } from './api';
import { DealSourceTag, DealStage, DormantBadge } from './DealTags';
import { fenToYuanInput, formatYuan, parseYuanToFen } from './money';
import { dealActionLabel, useDealMover } from './useDealMover';

const PATH = ['suggested', 'intent', 'meeting', 'negotiating', 'signed'] as const;
const REACHED_AT: Record<(typeof PATH)[number], keyof Detail | null> = {
  suggested: 'createdAt',
  intent: 'intentAt',
  meeting: 'meetingAt',
  negotiating: 'negotiatingAt',
  signed: 'signedAt',
};

/** The stage path with the date each stage was reached; a declined deal shows where it stopped. */
function StageSteps({ d }: { d: Detail }) {
  const phone = useIsPhone();
  const reached = PATH.filter((s) => {
    const at = REACHED_AT[s];
    return at !== null && d[at];
  });
  const last = d.status === 'declined' ? Math.max(0, reached.length - 1) : PATH.indexOf(d.status as (typeof PATH)[number]);
  return (
    <Steps
      size="small"
      orientation={phone ? 'vertical' : 'horizontal'}
      current={last}
      status={d.status === 'declined' ? 'error' : d.status === 'signed' ? 'finish' : 'process'}
      data-testid="deal-steps"
      items={PATH.map((s, i) => {
        const at = REACHED_AT[s];
        const when = at ? (d[at] as string | null) : null;
        return {
          title: DEAL_STATE_LABELS[s],
          content:
            d.status === 'declined' && i === last
              ? `已终止${d.declinedAt ? ` ${fmtTime(d.declinedAt, 'MM-DD')}` : ''}`
              : when
                ? fmtTime(when, 'YYYY-MM-DD')
                : undefined,
        };
      })}
    />
  );
}

/** 对接项目 detail: parties, links, stage path, actions, broker, expected amount and the activity log. */
export default function DealDetail() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery({ queryKey: dealsKeys.detail(id), queryFn: () => dealsApi.get(id) });
  const [dialog, setDialog] = useState<null | 'activity' | 'broker' | 'amount'>(null);
  const [busy, setBusy] = useState<null | 'claim' | 'wake'>(null);
  /** Every change refetches the deal with its activity log (and the lists and board). */
  const onChanged = () => void qc.invalidateQueries({ queryKey: dealsKeys.all });
  const mover = useDealMover();
  if (q.isLoading) return <FullPageSpin />;
  if (q.error || !q.data) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  const stageActions = d.allowedActions.filter((a) => a !== 'wake');

  const act = async (what: 'claim' | 'wake') => {
    setBusy(what);
    try {
      await (what === 'claim' ? dealsApi.claim(d.id, d.version) : dealsApi.wake(d.id, d.version));
      onChanged();
      void message.success(what === 'claim' ? '已认领，您是该项目的技术经理人' : '项目已唤醒，请及时跟进');
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div data-testid="deal-detail" data-status={d.status}>
      <PageHeader
        title={d.title}
        sub={
          <Space size={4} wrap>
            <span data-testid="deal-code">{d.code}</span>
            <DealStage status={d.status} />
            <DormantBadge activity={d.activity} />
            <DealSourceTag source={d.source} />
          </Space>
        }
        extra={
          <Space wrap>
            {stageActions.map((a) => (
              <Button
                key={a}
                type={a === 'decline' ? 'default' : 'primary'}
                danger={a === 'decline'}
                onClick={() => void mover.run(d, a)}
                data-testid={`deal-action-${a}`}
              >
                {dealActionLabel(a)}
              </Button>
            ))}
            {d.allowedActions.includes('wake') && (
              <Button loading={busy === 'wake'} onClick={() => void act('wake')} data-testid="deal-action-wake">
                {dealActionLabel('wake')}
              </Button>
            )}
          </Space>
        }
      />
      {d.status === 'declined' && d.statusReason && (
        <Alert type="warning" showIcon title={`已终止：${d.statusReason}`} style={{ marginBottom: 16 }} data-testid="deal-decline-reason" />
      )}
      {d.activity === 'dormant' && (
        <Alert
          type="warning"
          showIcon
          title={`该项目自 ${fmtTime(d.dormantSince ?? d.lastActivityAt, 'YYYY-MM-DD')} 起休眠：长时间没有跟进。添加一条跟进记录或点击“唤醒”即可恢复。`}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        <StageSteps d={d} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card title="项目信息" style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label="需求">
                <Link to={`/listings/${d.need.id}`} data-testid="deal-need-link">
                  {d.need.title}
                </Link>
              </Descriptions.Item>
              <Descriptions.Item label="需求方">{d.demandOrganization.name}</Descriptions.Item>
              <Descriptions.Item label="能力">
                {d.capability ? (
                  <Link to={`/listings/${d.capability.id}`} data-testid="deal-capability-link">
                    {d.capability.title}
                  </Link>
                ) : (
                  '—'
                )}
              </Descriptions.Item>
              <Descriptions.Item label="供给方">{d.supplyOrganization.name}</Descriptions.Item>
              {d.awardId && (
                <Descriptions.Item label="来源任务书">
                  <Link to={`/awards/${d.awardId}`}>查看任务书</Link>
                </Descriptions.Item>
              )}
              <Descriptions.Item label="技术经理人">
                <Space size={8} wrap>
                  <span data-testid="deal-broker">{d.broker?.name ?? '未分配'}</span>
                  {d.canClaim && (
                    <Button
                      size="small"
                      type="primary"
                      loading={busy === 'claim'}
                      onClick={() => void act('claim')}
                      data-testid="deal-claim"
                    >
                      认领
                    </Button>
                  )}
                  {d.canAssignBroker && (
                    <Button size="small" onClick={() => setDialog('broker')} data-testid="deal-assign-broker">
                      {d.broker ? '更换' : '指派'}
                    </Button>
                  )}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label="预计金额">
                <Space size={8}>
                  <span data-testid="deal-amount">{formatYuan(d.expectedAmountFen)}</span>
                  {d.canEditAmount && (
                    <Button size="small" icon={<EditOutlined />} onClick={() => setDialog('amount')} data-testid="deal-amount-edit">
                      修改
                    </Button>
                  )}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label="创建时间">{fmtTime(d.createdAt)}</Descriptions.Item>
              <Descriptions.Item label="最近跟进">{fmtTime(d.lastActivityAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card
            title={`跟进记录（${d.activities.length}）`}
            extra={
              d.canLogActivity && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('activity')} data-testid="activity-add">
                  添加跟进
                </Button>
              )
            }
            style={{ marginBottom: 16 }}
          >
            <ActivityTimeline deal={d} onChanged={onChanged} />
          </Card>
        </Col>
      </Row>
      <ActivityForm
        deal={d}
        open={dialog === 'activity'}
        onClose={() => setDialog(null)}
        onSaved={() => {
          onChanged();
          void message.success('跟进记录已保存');
        }}
      />
      {dialog === 'broker' && <AssignBrokerModal deal={d} onClose={() => setDialog(null)} onDone={onChanged} />}
      {dialog === 'amount' && <AmountModal deal={d} onClose={() => setDialog(null)} onDone={onChanged} />}
      {mover.dialogs}
    </div>
  );
}

function AssignBrokerModal({ deal, onClose, onDone }: { deal: Detail; onClose: () => void; onDone: () => void }) {
  const brokers = useQuery({ queryKey: brokersKeys.list, queryFn: brokersApi.list });
  const [value, setValue] = useState<string | undefined>(deal.broker?.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ok = async () => {
    if (!value) {
      setError('请选择技术经理人');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await dealsApi.assignBroker(deal.id, value, deal.version);
      onDone();
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title="指派技术经理人"
      okText="确定"
      cancelText="取消"
      okButtonProps={{ loading: busy, 'data-testid': 'deal-broker-confirm' }}
      onOk={() => void ok()}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {brokers.error && <Alert type="error" showIcon title={errorMessage(brokers.error)} style={{ marginBottom: 12 }} />}
      <Select
        style={{ width: '100%' }}
        showSearch={{ optionFilterProp: 'label' }}
        loading={brokers.isLoading}
        value={value}
        onChange={setValue}
        placeholder="选择技术经理人"
        aria-label="技术经理人"
        data-testid="deal-broker-select"
        options={(brokers.data ?? []).map((b) => ({
          value: b.userId,
          label: `${b.displayName}（在办 ${b.openDeals}${b.certificateNo ? ` · 证书 ${b.certificateNo}` : ''}）`,
        }))}
        notFoundContent="暂无技术经理人账号"
      />
    </Modal>
  );
}

function AmountModal({ deal, onClose, onDone }: { deal: Detail; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ amount: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ok = async () => {
    const { amount } = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await dealsApi.setAmount(deal.id, amount?.trim() ? parseYuanToFen(amount) : null, deal.version);
      onDone();
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title="修改预计金额"
      okText="保存"
      cancelText="取消"
      okButtonProps={{ loading: busy, 'data-testid': 'deal-amount-confirm' }}
      onOk={() => void ok().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ amount: fenToYuanInput(deal.expectedAmountFen) }}>
        <Form.Item
          name="amount"
          label="预计金额（元）"
          extra="留空表示尚未估算"
          rules={[
            {
              validator: (_r, v: unknown) =>
                typeof v !== 'string' || v.trim() === '' || parseYuanToFen(v) !== null
                  ? Promise.resolve()
                  : Promise.reject(new Error('请输入金额，如 1200000 或 1,200,000.50')),
            },
          ]}
        >
          <Input inputMode="decimal" suffix="元" data-testid="deal-amount-input" />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">金额以分为单位保存，最多两位小数。</Typography.Text>
    </Modal>
  );
}
