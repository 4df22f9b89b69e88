import { CalculatorOutlined, CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { POLICY_SUPPORT_TYPE_LABELS, isPolicySupportType } from '@scenebridge/domain/policies';
import { Card, Flex, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { LinkButton } from '../../shared/components/LinkButton';
import type { ConditionCheckJson, ConditionOutcome, MeasureForMe } from './api';
import { CHECK_LABELS, missingFieldLink, reasonText } from './vocab';

const ICONS: Record<ConditionOutcome, React.ReactNode> = {
  met: <CheckCircleFilled style={{ color: '#52c41a' }} />,
  not_met: <CloseCircleFilled style={{ color: '#ff4d4f' }} />,
  unknown: <QuestionCircleFilled style={{ color: '#faad14' }} />,
};

function CheckLine({ check }: { check: ConditionCheckJson }) {
  return (
    <li style={{ listStyle: 'none', display: 'flex', gap: 6, alignItems: 'baseline' }} data-outcome={check.outcome}>
      <span role="img" aria-label={CHECK_LABELS[check.outcome]} title={CHECK_LABELS[check.outcome]}>
        {ICONS[check.outcome]}
      </span>
      <span>{reasonText(check.reason)}</span>
    </li>
  );
}

/** A measure that may apply, with why: one line per condition and what to fill in. */
export function MeasureCard({ item }: { item: MeasureForMe }) {
  const { measure, policy } = item;
  const policyLink = `/policies/${policy.id}?measure=${measure.id}`;
  return (
    <Card size="small" data-testid={`for-me-card-${measure.id}`}>
      <Flex vertical gap={6}>
        <Link to={policyLink} style={{ fontWeight: 600 }}>
          {policy.title}
        </Link>
        <Typography.Text>
          {measure.marker} {measure.heading ?? `第 ${measure.path} 项措施`}
        </Typography.Text>
        <Space size={4} wrap>
          {isPolicySupportType(measure.supportType) && <Tag color="blue">{POLICY_SUPPORT_TYPE_LABELS[measure.supportType]}</Tag>}
          <Tag color={item.deadlineOn ? 'orange' : 'default'}>{item.deadlineOn ? `申报截止 ${item.deadlineOn}` : '未载明截止日期'}</Tag>
          {policy.validUntil && <Tag>政策有效至 {policy.validUntil}</Tag>}
        </Space>
        <ul style={{ margin: 0, padding: 0 }} aria-label="条件判断">
          {item.checks.map((c, i) => (
            <CheckLine key={`${c.kind}-${i}`} check={c} />
          ))}
        </ul>
        {item.missingFields.length > 0 && (
          <Typography.Text type="warning" data-testid="for-me-missing">
            待补充：
            {item.missingFields.map((f, i) => {
              const to = missingFieldLink(f);
              return (
                <span key={f}>
                  {i > 0 && '、'}
                  {to ? <Link to={to}>{f}</Link> : `${f}（由运营方核查）`}
                </span>
              );
            })}
          </Typography.Text>
        )}
        <Space wrap>
          <LinkButton to={policyLink} size="small">
            查看政策
          </LinkButton>
          {item.hasCalculator && (
            <LinkButton
              to={`${policyLink}&calculate=1`}
              size="small"
              icon={<CalculatorOutlined />}
              data-testid={`for-me-calculate-${measure.id}`}
            >
              测算
            </LinkButton>
          )}
        </Space>
      </Flex>
    </Card>
  );
}
