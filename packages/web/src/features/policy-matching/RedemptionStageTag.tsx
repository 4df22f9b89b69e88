import { Tag } from 'antd';
import type { RedemptionStage } from './api';
import { STAGE_COLORS, STAGE_LABELS } from './vocab';

export function RedemptionStageTag({ stage }: { stage: RedemptionStage }) {
  return (
    <Tag color={STAGE_COLORS[stage]} data-testid="redemption-stage" data-stage={stage}>
      {STAGE_LABELS[stage]}
    </Tag>
  );
}
