import {
  DndContext,
  DragOverlay,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { DEAL_STATE_LABELS } from '@scenebridge/contract/deals/labels';
import { Badge, Empty, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useIsPhone } from '../../shared/responsive';
import type { Deal, DealBoard as Board } from './api';
import { DealCard } from './DealCard';
import { formatYuanShort } from './money';
import { STAGES, type Stage } from './stages';

type Column = Board['columns'][number];

interface Props {
  board: Board;
  /** Resolves true when the deal moved (else the card snaps back). */
  onDrop: (deal: Deal, to: Stage) => Promise<boolean>;
  onMove: (deal: Deal, action: string) => Promise<boolean>;
}

function ColumnHead({ column }: { column: Column }) {
  return (
    <div style={{ padding: '8px 10px', borderBottom: '1px solid #f0f0f0' }} data-testid={`deal-column-head-${column.stage}`}>
      <Typography.Text strong>{DEAL_STATE_LABELS[column.stage]}</Typography.Text>
      <Badge
        count={column.count}
        showZero
        color="#8c8c8c"
        style={{ marginInlineStart: 8 }}
        data-testid={`deal-column-count-${column.stage}`}
      />
      <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }} data-testid={`deal-column-total-${column.stage}`}>
        预计 {formatYuanShort(column.totalExpectedFen)}
        {column.dormantCount > 0 ? ` · 休眠 ${column.dormantCount}` : ''}
      </div>
    </div>
  );
}

function DraggableCard({ deal, onMove, hidden }: { deal: Deal; onMove: Props['onMove']; hidden: boolean }) {
  const { setNodeRef, listeners } = useDraggable({ id: deal.id, data: { deal }, disabled: deal.allowedActions.length === 0 });
  return (
    <div ref={setNodeRef} style={{ opacity: hidden ? 0.35 : 1 }}>
      <DealCard deal={deal} onMove={(a) => void onMove(deal, a)} dragProps={deal.allowedActions.length > 0 ? listeners : undefined} />
    </div>
  );
}

function DropColumn({ column, items, children }: { column: Column; items: Deal[]; children: React.ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: column.stage });
  return (
    <section
      ref={setNodeRef}
      aria-label={`${DEAL_STATE_LABELS[column.stage]}：${column.count} 项`}
      data-testid={`deal-column-${column.stage}`}
      style={{
        flex: '1 0 200px',
        maxWidth: 320,
        background: isOver ? '#e6f4ff' : '#fafafa',
        border: `1px ${isOver ? 'dashed #1677ff' : 'solid #f0f0f0'}`,
        borderRadius: 8,
        display: 'flex',
        flexDirection: 'column',
        minHeight: 320,
      }}
    >
      <ColumnHead column={column} />
      <div style={{ padding: 8, flex: 1 }}>
        {items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无项目" /> : children}
        {column.count > items.length && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            另有 {column.count - items.length} 项，请在列表中查看
          </Typography.Text>
        )}
      </div>
    </section>
  );
}

/**
 * 对接项目看板: one column per stage with its count and total expected amount. A card dragged to
 * another column asks for that move (useDealMover); until the server answers it shows in the new
 * column, and it snaps back when the move is illegal, refused or cancelled. Each card also has a
 * 移动到… menu for keyboard users. On a phone the board is a list with one tab per stage.
 */
export function DealBoardView({ board, onDrop, onMove }: Props) {
  const phone = useIsPhone();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  /** Cards shown in another column while their move is under way. */
  const [moved, setMoved] = useState<Record<string, Stage>>({});
  const [dragging, setDragging] = useState<Deal | null>(null);
  useEffect(() => setMoved({}), [board]);

  const columns = useMemo(() => {
    const byStage = new Map(board.columns.map((c) => [c.stage, c]));
    return STAGES.map((s) => byStage.get(s) ?? { stage: s, count: 0, totalExpectedFen: 0, dormantCount: 0, items: [] });
  }, [board]);
  const itemsOf = (stage: Stage): Deal[] => {
    const all = columns.flatMap((c) => c.items);
    return all.filter((d) => (moved[d.id] ?? d.status) === stage);
  };

  const onDragEnd = (e: DragEndEvent) => {
    setDragging(null);
    const deal = (e.active.data.current as { deal?: Deal } | undefined)?.deal;
    const to = e.over?.id;
    if (!deal || typeof to !== 'string' || to === deal.status) return;
    const stage = to as Stage;
    setMoved((m) => ({ ...m, [deal.id]: stage }));
    void onDrop(deal, stage).then((ok) => {
      if (!ok)
        setMoved((m) => {
          const next = { ...m };
          delete next[deal.id];
          return next;
        });
    });
  };

  if (phone) {
    return (
      <Tabs
        data-testid="deal-board-tabs"
        items={columns.map((c) => ({
          key: c.stage,
          label: `${DEAL_STATE_LABELS[c.stage]}（${c.count}）`,
          children: (
            <div data-testid={`deal-column-${c.stage}`}>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid={`deal-column-total-${c.stage}`}>
                共 {c.count} 项 · 预计 {formatYuanShort(c.totalExpectedFen)}
              </Typography.Paragraph>
              {c.items.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无项目" />
              ) : (
                c.items.map((d) => <DealCard key={d.id} deal={d} onMove={(a) => void onMove(d, a)} />)
              )}
            </div>
          ),
        }))}
      />
    );
  }

  return (
    <DndContext
      sensors={sensors}
      onDragStart={(e) => setDragging((e.active.data.current as { deal?: Deal } | undefined)?.deal ?? null)}
      onDragCancel={() => setDragging(null)}
      onDragEnd={onDragEnd}
      accessibility={{
        screenReaderInstructions: { draggable: '可用鼠标拖动卡片到其他阶段；键盘用户请使用卡片上的“移动到…”菜单。' },
      }}
    >
      {/* Wider than the screen on a laptop: the board scrolls sideways in its own box, reachable by keyboard. */}
      <div
        style={{ display: 'flex', gap: 12, overflowX: 'auto', paddingBottom: 8 }}
        tabIndex={0}
        role="region"
        aria-label="对接项目看板，可左右滚动"
        data-testid="deal-board"
      >
        {columns.map((c) => {
          const items = itemsOf(c.stage);
          return (
            <DropColumn key={c.stage} column={c} items={items}>
              {items.map((d) => (
                <DraggableCard key={d.id} deal={d} onMove={onMove} hidden={dragging?.id === d.id} />
              ))}
            </DropColumn>
          );
        })}
      </div>
      <DragOverlay dropAnimation={null}>
        {dragging ? (
          <DealCard deal={dragging} overlay onMove={() => undefined} style={{ width: 232, boxShadow: '0 6px 16px rgba(0,0,0,0.15)' }} />
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}
