import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, List, Space, Typography } from 'antd';
import { ELIGIBILITY_RULE_LABELS, type EligibilityRules } from '@scenebridge/contract/eligibility';
import { errorMessage } from '../../shared/http';
import { fmtTime } from '../../shared/time';
import { eligibilityApi, eligibilityKeys } from './api';

interface Props {
  rules: EligibilityRules;
  /** The challenge's id: an operator's override for it is shown. */
  challengeRef?: string;
  /** For the operator: screen this organisation instead of the caller's own. */
  organizationId?: string;
}

/**
 * "是否符合条件及原因": the organisation screened against a challenge's rules, each rule with
 * whether it is met and why, before it starts an application.
 */
export function EligibilityPanel({ rules, challengeRef, organizationId }: Props) {
  const q = useQuery({
    queryKey: eligibilityKeys.check(rules, organizationId, challengeRef),
    queryFn: () => eligibilityApi.check({ rules, organizationId, challengeRef }),
  });
  if (q.isLoading) return <Typography.Text type="secondary">正在检查申报资格…</Typography.Text>;
  if (q.error || !q.data) return <Typography.Text type="danger">资格检查失败：{errorMessage(q.error)}</Typography.Text>;
  const r = q.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="eligibility-panel">
      {r.eligible ? (
        <Alert
          type="success"
          showIcon
          title={r.screenedEligible ? `${r.organizationName}符合申报条件` : `${r.organizationName}经运营方人工复核，准予申报`}
          description={r.override ? `复核理由：${r.override.reason}（${r.override.by ?? '运营方'}，${fmtTime(r.override.at)}）` : undefined}
          data-testid="eligibility-yes"
        />
      ) : (
        <Alert type="error" showIcon title={`${r.organizationName}暂不符合申报条件，原因见下`} data-testid="eligibility-no" />
      )}
      {r.checks.length === 0 ? (
        <Typography.Text type="secondary">本任务未设申报条件限制。</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={r.checks}
          renderItem={(c) => (
            <List.Item data-testid={`eligibility-check-${c.rule}`}>
              <Space align="start">
                {c.passed ? (
                  <CheckCircleFilled style={{ color: '#52c41a' }} aria-label="符合" />
                ) : (
                  <CloseCircleFilled style={{ color: '#ff4d4f' }} aria-label="不符合" />
                )}
                <span>
                  <Typography.Text strong>{ELIGIBILITY_RULE_LABELS[c.rule]}</Typography.Text>：{c.reason}
                </span>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
