import { callLifecycle } from '@scenebridge/contract/calls/lifecycle';
import { ActionButtons } from '../../shared/components/ActionButtons';

/** A call's lifecycle buttons for the operator, from its `allowedActions`: the same on the list and the detail page. */
export function CallActionButtons({
  actions,
  onRun,
  size,
}: {
  actions: string[];
  onRun: (action: string, reason?: string) => Promise<void>;
  size?: 'small' | 'middle';
}) {
  return (
    <ActionButtons
      size={size}
      actions={actions}
      lifecycle={callLifecycle}
      testIdPrefix="call-action"
      labels={{ cancel: '取消征集' }}
      reasonLabels={{ cancel: '取消原因' }}
      confirmTexts={{
        open: '开放后各单位即可填报。',
        close: '截止后将不再接受新的填报和提交。',
        start_review: '开始评审后填报进入评审流程。',
        publish_results: '仅将征集标记为“结果已发布”，不生成发布批次，之后不能再分配评审。发布清单请用“评审与遴选”中的“发布批次”。',
      }}
      onRun={onRun}
    />
  );
}
