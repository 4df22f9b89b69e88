import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm } from 'antd';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../shared/http';
import { publicityApi, publicityKeys } from '../publicity/api';

/**
 * The operator, with the challenge under review and winners proposed: 发起拟中榜公示 creates the
 * 公示 draft of the proposed winners (5 working days by default) and opens its page, where it is started.
 */
export function AwardPublicityButton({ challengeId }: { challengeId: string }) {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const create = useMutation({
    mutationFn: () => publicityApi.create({ subjectKind: 'challenge_award', subjectId: challengeId, workingDays: 5 }),
    onSuccess: async (p) => {
      await qc.invalidateQueries({ queryKey: publicityKeys.all });
      void message.success('已创建拟中榜单位公示（待开始），请核对条目后开始公示');
      void navigate(`/publicity/${p.id}`);
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  return (
    <Popconfirm
      title="发起拟中榜公示"
      description="以当前拟中榜的申报创建公示（5个工作日），开始后榜单进入公示，期满无异议自动中榜。"
      okText="创建"
      cancelText="取消"
      onConfirm={() => create.mutate()}
    >
      <Button type="primary" loading={create.isPending} data-testid="challenge-award-publicity">
        发起拟中榜公示
      </Button>
    </Popconfirm>
  );
}
