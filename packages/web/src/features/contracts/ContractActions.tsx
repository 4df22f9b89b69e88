import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { ReasonModal } from '../../shared/components/ReasonModal';
import { errorMessage } from '../../shared/http';
import { CONTRACT_ACTION_LABELS, contractNeedsReason } from './vocab';

const DANGER = new Set(['refuse', 'discard', 'return_for_correction']);
const PRIMARY = new Set(['submit', 'resubmit', 'accept', 'register']);
/** Asked "are you sure" (the ones with a reason ask for it instead, and say what follows). */
const CONFIRM: Record<string, string> = {
  submit: '提交后由技术合同登记机构审查，审查期间不能修改；法定办结时限自提交之日起按工作日计算。',
  resubmit: '重新提交后法定办结时限重新计算，审查期间不能修改。',
  accept: '受理后开始实质审查，法定时限继续计算。',
  register: '登记后生成登记编号，合同计入技术合同成交额统计；此后只能通过变更或注销登记修改。',
  discard: '删除后草稿不再显示，且不能恢复。',
};
const REASON: Record<string, { label: string; description: string }> = {
  return_for_correction: {
    label: '需补正的内容',
    description: '退回后由卖方补正并重新提交，法定时限自重新提交之日起重新计算。',
  },
  refuse: {
    label: '不予登记的理由',
    description: '不予登记是最终决定，卖方将收到理由；该合同不能再次提交，如需登记须重新申请。',
  },
};

/**
 * The registration's transitions the viewer may take now (from its `allowedActions`; the page never
 * decides legality). `data-testid` is `contract-action-<action>[-<suffix>]`.
 */
export function ContractActions({
  actions,
  onRun,
  exclude = [],
  size = 'middle',
  suffix,
}: {
  actions: string[];
  onRun: (action: string, reason?: string) => Promise<void>;
  exclude?: string[];
  size?: 'small' | 'middle';
  suffix?: string;
}) {
  const { modal, message } = App.useApp();
  const [reasonFor, setReasonFor] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const shown = actions.filter((a) => !exclude.includes(a) && CONTRACT_ACTION_LABELS[a]);
  if (shown.length === 0) return null;
  const label = (a: string) => CONTRACT_ACTION_LABELS[a] ?? a;

  const run = async (a: string) => {
    setBusy(a);
    try {
      await onRun(a);
      void message.success(`已${label(a)}`);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const click = (a: string) => {
    if (contractNeedsReason(a)) return setReasonFor(a);
    const content = CONFIRM[a];
    if (!content) return void run(a);
    modal.confirm({
      title: `确定${label(a)}吗？`,
      content,
      okText: `确定${label(a)}`,
      cancelText: '取消',
      okButtonProps: { danger: DANGER.has(a), 'data-testid': 'confirm-ok' },
      onOk: () => run(a),
    });
  };

  return (
    <>
      <Space wrap size="small">
        {shown.map((a) => (
          <Button
            key={a}
            size={size}
            danger={DANGER.has(a)}
            type={PRIMARY.has(a) ? 'primary' : 'default'}
            loading={busy === a}
            onClick={() => click(a)}
            data-testid={`contract-action-${a}${suffix ? `-${suffix}` : ''}`}
          >
            {label(a)}
          </Button>
        ))}
      </Space>
      {reasonFor && (
        <ReasonModal
          open
          title={label(reasonFor)}
          label={REASON[reasonFor]?.label ?? '原因'}
          description={REASON[reasonFor]?.description}
          okText={`确定${label(reasonFor)}`}
          onCancel={() => setReasonFor(null)}
          onSubmit={async (reason) => {
            await onRun(reasonFor, reason);
            void message.success(`已${label(reasonFor)}`);
            setReasonFor(null);
          }}
        />
      )}
    </>
  );
}
