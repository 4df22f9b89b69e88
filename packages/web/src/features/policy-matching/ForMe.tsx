import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Empty, Flex, Pagination, Spin, Tabs } from 'antd';
import { Link } from 'react-router-dom';
import { LinkButton } from '../../shared/components/LinkButton';
import { LoadError } from '../../shared/components/LoadError';
import { PageHeader } from '../../shared/components/PageHeader';
import { useSearchState } from '../../shared/hooks';
import { useIsPhone } from '../../shared/responsive';
import { policyMatchingApi, policyMatchingKeys, type ConditionOutcome } from './api';
import { MeasureCard } from './MeasureCard';
import { OUTCOME_TABS } from './vocab';

const EMPTY_TEXT: Record<ConditionOutcome, string> = {
  met: '暂未发现本单位符合全部条件的政策措施',
  unknown: '没有需要补充信息才能判断的政策措施',
  not_met: '没有判断为不符合的政策措施',
};

function FillProfileCall() {
  return (
    <Empty description="填写政策画像后，这里会列出可能适用于本单位的政策措施及判断理由。" data-testid="for-me-fill-profile">
      <LinkButton to="/policy-profile" type="primary">
        填写政策画像
      </LinkButton>
    </Empty>
  );
}

/** 可享政策: published measures whose conditions the organisation may meet, by outcome. */
export default function ForMe() {
  const phone = useIsPhone();
  const [params, update] = useSearchState();
  const outcome = (OUTCOME_TABS.find((t) => t.outcome === params.get('outcome'))?.outcome ?? 'met') as ConditionOutcome;
  const page = Number(params.get('page') ?? '1') || 1;
  const query = { outcome, page, pageSize: 10 };
  const list = useQuery({
    queryKey: policyMatchingKeys.forMe(query),
    queryFn: () => policyMatchingApi.forMe(query),
    placeholderData: keepPreviousData,
  });
  const data = list.data;

  const body = () => {
    if (list.error && !data) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
    if (!data) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
    if (data.items.length === 0) return data.profileComplete ? <Empty description={EMPTY_TEXT[outcome]} /> : <FillProfileCall />;
    return (
      <Flex vertical gap={12}>
        {data.items.map((item) => (
          <MeasureCard key={item.measure.id} item={item} />
        ))}
        <Pagination
          size={phone ? 'small' : undefined}
          current={data.page}
          pageSize={data.pageSize}
          total={data.total}
          showTotal={(t) => `共 ${t} 项`}
          onChange={(p) => update({ page: String(p) })}
          style={{ alignSelf: 'flex-end' }}
        />
      </Flex>
    );
  };

  return (
    <div data-testid="for-me-page">
      <PageHeader
        title="可享政策"
        sub="根据本单位的政策画像和平台登记信息逐条判断，结果仅供参考，以主管部门审核为准。"
        extra={<LinkButton to="/policy-profile">政策画像</LinkButton>}
      />
      {data && !data.profileComplete && data.items.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            <>
              政策画像尚未填写完整，部分条件无法判断。<Link to="/policy-profile">去补充</Link>
            </>
          }
        />
      )}
      <Tabs
        activeKey={outcome}
        onChange={(k) => update({ outcome: k === 'met' ? undefined : k, page: undefined })}
        items={OUTCOME_TABS.map((t) => ({ key: t.outcome, label: t.label }))}
        data-testid="for-me-tabs"
      />
      {body()}
    </div>
  );
}
