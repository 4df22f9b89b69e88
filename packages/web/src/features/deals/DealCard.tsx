import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { DEAL_STATE_LABELS } from '@scenebridge/contract/deals/labels';
import { Button, Card, Dropdown, Flex, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { Link } from 'react-router-dom';
import { fmtDate, fmtTime } from '../../shared/time';
import type { Deal } from './api';
import { DormantBadge } from './DealTags';
import { formatYuan } from './money';
import { moveTargets } from './stages';

/** Today in Asia/Shanghai (YYYY-MM-DD), the calendar next steps are due on. */
const today = () => fmtTime(new Date().toISOString(), 'YYYY-MM-DD');
import { dealActionLabel } from './useDealMover';

/** The 移动到… menu: the keyboard (and touch) way to move a card, listing only the moves allowed now. */
export function MoveMenu({ deal, onMove }: { deal: Deal; onMove: (action: string) => void }) {
  const targets = moveTargets(deal.allowedActions);
  if (targets.length === 0) return null;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: targets.map((t) => ({
          key: t.action,
          danger: t.action === 'decline',
          label: (
            <span data-testid={`deal-move-${deal.code}-${t.to}`}>
              {DEAL_STATE_LABELS[t.to]}（{dealActionLabel(t.action)}）
            </span>
          ),
        })),
        onClick: ({ key, domEvent }) => {
          domEvent.stopPropagation();
          onMove(key);
        },
      }}
    >
      <Button
        size="small"
        type="link"
        style={{ paddingInline: 0 }}
        aria-label={`将 ${deal.code} 移动到其他阶段`}
        data-testid={`deal-move-${deal.code}`}
        onPointerDown={(e) => e.stopPropagation()}
      >
        移动到… <DownOutlined />
      </Button>
    </Dropdown>
  );
}

interface Props {
  deal: Deal;
  onMove: (action: string) => void;
  /** The drag handle's props (the whole card), from the board. */
  dragProps?: Record<string, unknown>;
  style?: CSSProperties;
  /** The copy that follows the pointer while dragging: no test id, no menu. */
  overlay?: boolean;
}

/** One deal on the board: title, parties, broker, expected amount, dormancy and last follow-up. */
export function DealCard({ deal, onMove, dragProps, style, overlay }: Props) {
  return (
    <Card
      size="small"
      style={{ marginBottom: 8, cursor: dragProps ? 'grab' : undefined, touchAction: dragProps ? 'manipulation' : undefined, ...style }}
      styles={{ body: { padding: 10 } }}
      data-testid={overlay ? undefined : `deal-card-${deal.code}`}
      data-stage={deal.status}
      {...dragProps}
    >
      <Flex justify="space-between" align="center" gap={4}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {deal.code}
        </Typography.Text>
        <DormantBadge activity={deal.activity} />
      </Flex>
      <Link
        to={`/deals/${deal.id}`}
        style={{ fontWeight: 600, display: 'block', margin: '2px 0 4px' }}
        data-testid={`deal-link-${deal.code}`}
        draggable={false}
      >
        {deal.title}
      </Link>
      <div style={{ fontSize: 12, lineHeight: '18px' }}>
        <div>需求方：{deal.demandOrganization.name}</div>
        <div>供给方：{deal.supplyOrganization.name}</div>
        <div>
          <UserOutlined /> {deal.broker ? deal.broker.name : <Typography.Text type="secondary">未分配经理人</Typography.Text>}
        </div>
        <div>预计金额：{formatYuan(deal.expectedAmountFen)}</div>
        {deal.nextStep && deal.nextStepDueOn && (
          <div data-testid={`deal-next-step-${deal.code}`}>
            <Typography.Text type={deal.nextStepDueOn < today() ? 'danger' : undefined} style={{ fontSize: 12 }}>
              下一步：{deal.nextStep}（{deal.nextStepDueOn < today() ? '已逾期，' : ''}截止 {deal.nextStepDueOn}）
            </Typography.Text>
          </div>
        )}
        <Typography.Text type={deal.activity === 'dormant' ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
          最近跟进：{fmtDate(deal.lastActivityAt)}
        </Typography.Text>
      </div>
      {!overlay && <MoveMenu deal={deal} onMove={onMove} />}
    </Card>
  );
}
