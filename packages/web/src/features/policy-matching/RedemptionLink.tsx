import { ThunderboltOutlined } from '@ant-design/icons';
import { LinkButton } from '../../shared/components/LinkButton';

/** 免申即享 of one measure, for the policy page (operators): opens the comparison and its list. */
export function RedemptionLink({ policyId, measureId }: { policyId: string; measureId: string }) {
  return (
    <LinkButton
      size="small"
      icon={<ThunderboltOutlined />}
      to={`/policies/${policyId}/measures/${measureId}/redemptions`}
      data-testid={`redemption-link-${measureId}`}
    >
      免申即享
    </LinkButton>
  );
}
