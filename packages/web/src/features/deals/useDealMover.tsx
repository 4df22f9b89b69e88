import { useQueryClient } from '@tanstack/react-query';
import { DEAL_ACTION_LABELS, DEAL_STATE_LABELS } from '@scenebridge/contract/deals/labels';
import type { DealAction } from '@scenebridge/contract/deals/lifecycle';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { ReasonModal } from '../../shared/components/ReasonModal';
import { errorMessage } from '../../shared/http';
import { dealsApi, dealsKeys, type Deal } from './api';
import { fenToYuanInput, parseYuanToFen } from './money';
import { isStage, judgeMove, targetOf } from './stages';

export const dealActionLabel = (action: string) => DEAL_ACTION_LABELS[action as DealAction | 'wake'] ?? action;
const stageLabel = (s: string) => (isStage(s) ? DEAL_STATE_LABELS[s] : s);

type Dialog = { kind: 'reason' | 'sign'; deal: Deal; action: string } | null;

/**
 * Runs a deal's stage move, wherever it is asked for (a drop on the board, the 移动到… menu, a
 * button on the detail page): decline asks for its reason, sign for the signed amount; the
 * server's refusal is shown as a message. Resolves true when the deal moved, so a dragged card
 * snaps back on false.
 */
export function useDealMover(onMoved?: (next: Deal) => void): {
  run: (deal: Deal, action: string) => Promise<boolean>;
  drop: (deal: Deal, to: string) => Promise<boolean>;
  dialogs: ReactNode;
} {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const settle = useRef<((moved: boolean) => void) | null>(null);

  const send = useCallback(
    async (deal: Deal, action: string, extra: { reason?: string; expectedAmountFen?: number } = {}) => {
      const next = await dealsApi.transition(deal.id, { action, version: deal.version, ...extra });
      void qc.invalidateQueries({ queryKey: dealsKeys.all });
      onMoved?.(next);
      void message.success(`${deal.code} 已${dealActionLabel(action)}：${stageLabel(next.status)}`);
    },
    [qc, message, onMoved],
  );

  const run = useCallback(
    (deal: Deal, action: string): Promise<boolean> => {
      if (action === 'decline' || action === 'sign') {
        return new Promise<boolean>((resolve) => {
          settle.current = resolve;
          setDialog({ kind: action === 'decline' ? 'reason' : 'sign', deal, action });
        });
      }
      return send(deal, action).then(
        () => true,
        (e: unknown) => {
          void message.error({ content: errorMessage(e), key: `deal-move-${deal.id}` });
          return false;
        },
      );
    },
    [send, message],
  );

  const drop = useCallback(
    (deal: Deal, to: string): Promise<boolean> => {
      const verdict = judgeMove(deal.status, to, deal.allowedActions);
      switch (verdict.kind) {
        case 'same':
          return Promise.resolve(false);
        case 'illegal': {
          const next = deal.allowedActions.map(targetOf).filter((s) => s !== null && s !== 'declined');
          const hint = next.length > 0 ? `，下一步可移到「${stageLabel(next[0]!)}」` : '';
          void message.warning({
            content: `「${stageLabel(deal.status)}」的项目不能直接移到「${stageLabel(to)}」${hint}`,
            key: `deal-move-${deal.id}`,
          });
          return Promise.resolve(false);
        }
        case 'not_allowed':
          void message.warning({
            content: `您不能对 ${deal.code} 执行「${dealActionLabel(verdict.action)}」`,
            key: `deal-move-${deal.id}`,
          });
          return Promise.resolve(false);
        case 'move':
          return run(deal, verdict.action);
      }
    },
    [run, message],
  );

  const close = (moved: boolean) => {
    settle.current?.(moved);
    settle.current = null;
    setDialog(null);
  };

  const dialogs = (
    <>
      {dialog?.kind === 'reason' && (
        <ReasonModal
          open
          title={`终止对接：${dialog.deal.code}`}
          label="终止原因"
          okText="确定终止"
          description={`「${dialog.deal.title}」将移到「${stageLabel('declined')}」，此后不能再推进。`}
          onCancel={() => close(false)}
          onSubmit={async (reason) => {
            await send(dialog.deal, dialog.action, { reason });
            close(true);
          }}
        />
      )}
      {dialog?.kind === 'sign' && (
        <SignModal
          deal={dialog.deal}
          onCancel={() => close(false)}
          onSign={(fen) => send(dialog.deal, 'sign', fen)}
          onDone={() => close(true)}
        />
      )}
    </>
  );

  return { run, drop, dialogs };
}

/** 签约: confirms the move and takes the signed amount (元), prefilled with the expected one. */
function SignModal({
  deal,
  onCancel,
  onSign,
  onDone,
}: {
  deal: Deal;
  onCancel: () => void;
  onSign: (extra: { expectedAmountFen?: number }) => Promise<void>;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ amount: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ok = async () => {
    const { amount } = await form.validateFields();
    const fen = amount?.trim() ? parseYuanToFen(amount) : null;
    setBusy(true);
    setError(null);
    try {
      await onSign(fen === null ? {} : { expectedAmountFen: fen });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`签约：${deal.code}`}
      okText="确定签约"
      cancelText="取消"
      okButtonProps={{ loading: busy, 'data-testid': 'deal-sign-confirm' }}
      onOk={() => void ok().catch(() => undefined)}
      onCancel={onCancel}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="deal-sign-error" />}
      <p>「{deal.title}」将移到「已签约」。签约后请由卖方办理技术合同登记。</p>
      <Form form={form} layout="vertical" initialValues={{ amount: fenToYuanInput(deal.expectedAmountFen) }}>
        <Form.Item
          name="amount"
          label="签约金额（元）"
          extra="可留空；填写后作为项目的签约金额"
          rules={[
            {
              validator: (_r, v: unknown) =>
                typeof v !== 'string' || v.trim() === '' || parseYuanToFen(v) !== null
                  ? Promise.resolve()
                  : Promise.reject(new Error('请输入金额，如 1200000 或 1,200,000.50')),
            },
          ]}
        >
          <Input inputMode="decimal" suffix="元" data-testid="deal-sign-amount" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
