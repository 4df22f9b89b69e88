import { Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import type { PublicLifecycle } from '@scenebridge/contract/common/lifecycle';
import { actionLabel, CONFIRM_ACTIONS } from '../labels';
import { useErrorToast } from '../hooks';
import { ReasonModal } from './ReasonModal';

const DANGER = new Set(['reject', 'cancel', 'withdraw', 'discard', 'return_for_revision', 'terminate', 'not_award', 'decline']);
const PRIMARY = new Set(['submit', 'resubmit', 'open', 'approve', 'publish_results', 'reapply']);

interface Props {
  /** From the object's `allowedActions`; the UI never decides legality itself. */
  actions: string[];
  /** The object's lifecycle, from the contract: which of its actions ask for a reason. */
  lifecycle: Pick<PublicLifecycle<string, string>, 'needsReason'>;
  /** data-testid of each button is `${testIdPrefix}-${action}`. */
  testIdPrefix: string;
  /** Appended as `-${testIdSuffix}` (e.g. an id, for buttons repeated per table row). */
  testIdSuffix?: string;
  onRun: (action: string, reason?: string) => Promise<void>;
  /** Actions rendered elsewhere (e.g. 提交 on the form). */
  exclude?: string[];
  size?: 'small' | 'middle' | 'large';
  /** Label overrides, e.g. { cancel: '取消征集' }. */
  labels?: Record<string, string>;
  /** Wording of the reason field per action, e.g. { return_for_revision: '退回原因' }. */
  reasonLabels?: Record<string, string>;
  confirmTexts?: Record<string, string>;
}

export function ActionButtons({
  actions,
  lifecycle,
  testIdPrefix,
  testIdSuffix,
  onRun,
  exclude = [],
  size = 'middle',
  labels = {},
  reasonLabels = {},
  confirmTexts = {},
}: Props) {
  const [reasonFor, setReasonFor] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const toast = useErrorToast();
  const shown = actions.filter((a) => !exclude.includes(a));
  if (shown.length === 0) return null;
  const label = (a: string) => labels[a] ?? actionLabel(a);

  const run = async (action: string) => {
    setBusy(action);
    try {
      await onRun(action);
    } catch (e) {
      toast(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Space wrap size="small">
        {shown.map((a) => {
          const button = (
            <Button
              key={a}
              size={size}
              danger={DANGER.has(a)}
              type={PRIMARY.has(a) ? 'primary' : 'default'}
              loading={busy === a}
              data-testid={`${testIdPrefix}-${a}${testIdSuffix ? `-${testIdSuffix}` : ''}`}
              onClick={lifecycle.needsReason(a) ? () => setReasonFor(a) : CONFIRM_ACTIONS.has(a) ? undefined : () => void run(a)}
            >
              {label(a)}
            </Button>
          );
          if (!lifecycle.needsReason(a) && CONFIRM_ACTIONS.has(a)) {
            return (
              <Popconfirm
                key={a}
                title={`确定${label(a)}吗？`}
                description={confirmTexts[a]}
                okText="确定"
                cancelText="取消"
                okButtonProps={{ 'data-testid': 'confirm-ok', danger: DANGER.has(a) }}
                onConfirm={() => run(a)}
              >
                {button}
              </Popconfirm>
            );
          }
          return button;
        })}
      </Space>
      {reasonFor && (
        <ReasonModal
          open
          title={label(reasonFor)}
          label={reasonLabels[reasonFor] || '原因'}
          okText={`确定${label(reasonFor)}`}
          onCancel={() => setReasonFor(null)}
          onSubmit={async (reason) => {
            await onRun(reasonFor, reason);
            setReasonFor(null);
          }}
        />
      )}
    </>
  );
}
