import { HeartOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { matchingApi, matchingKeys } from '../matching/api';
import { searchApi, searchKeys } from './api';
import { submissionsApi, submissionsKeys } from '../submissions/api';
import { useAccess } from '../auth/auth';
import { InterestModal } from '../matching/InterestModal';
import { InterestsCard } from '../matching/InterestsCard';
import { ListingTags } from './ListingTags';
import { LoadError } from '../../shared/components/LoadError';
import { MatchesPanel } from '../matching/MatchesPanel';
import { PageHeader } from '../../shared/components/PageHeader';
import { FullPageSpin } from '../../app/RequireAuth';
import { StatusTag } from '../../shared/components/StatusTag';
import { budgetText, opennessLabel, TRL_LABELS } from '../../shared/labels';
import { useMeta } from '../../shared/meta';
import { fmtDate } from '../../shared/time';
import type { Listing as ListingT, ReferenceCase } from '../../shared/types';

/** Items that can be one side of an interest: submitted and not withdrawn. */
const INTEREST_STATES = new Set([
  'submitted',
  'in_review',
  'selected',
  'published',
  'matching',
  'awarded',
  'in_delivery',
  'accepted',
  'benchmark_case',
]);

function Details({ l }: { l: ListingT }) {
  const isNeed = l.listType === 'scenario_need';
  const items = [
    { key: 'org', label: isNeed ? '发布单位' : '供给单位', children: l.organization.name },
    { key: 'status', label: '状态', children: <StatusTag kind="submission" status={l.status} /> },
    {
      key: 'tags',
      label: '领域与地区',
      span: 2,
      children: (
        <ListingTags
          listType={l.listType}
          sector={l.sector}
          sectors={l.sectors}
          techFields={l.techFields}
          regionName={l.regionName}
          batch={l.batch}
        />
      ),
    },
    ...(isNeed
      ? [
          { key: 'budget', label: '预算', children: budgetText(l.budgetMin, l.budgetMax) },
          {
            key: 'open',
            label: '数据/场地开放',
            children: `${opennessLabel(l.dataOpenness ?? undefined) || '—'} / ${opennessLabel(l.siteOpenness ?? undefined) || '—'}`,
          },
        ]
      : [{ key: 'trl', label: '技术成熟度', span: 2, children: l.maturityTrl ? (TRL_LABELS[l.maturityTrl] ?? l.maturityTrl) : '—' }]),
    { key: 'batch', label: '发布批次', children: l.batch?.title ?? '未发布' },
    { key: 'date', label: l.publishedAt ? '发布日期' : '提交日期', children: fmtDate(l.publishedAt ?? l.submittedAt) },
    {
      key: 'contact',
      label: '联系方式',
      span: 2,
      children: l.contact
        ? [l.contact.name, l.contact.phone, l.contact.email].filter(Boolean).join(' · ')
        : l.contactHidden
          ? '未公开，请通过平台表达对接意向'
          : '—',
    },
  ];
  return (
    <Card style={{ marginBottom: 16 }} data-testid="listing-detail">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} style={{ marginBottom: 16 }} />
      <Typography.Title level={5}>{isNeed ? '场景描述' : '能力介绍'}</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="listing-description">
        {l.description}
      </Typography.Paragraph>
      {l.expectedOutcome && (
        <>
          <Typography.Title level={5}>预期成效</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{l.expectedOutcome}</Typography.Paragraph>
        </>
      )}
      {l.referenceCases.length > 0 && (
        <>
          <Typography.Title level={5}>应用案例</Typography.Title>
          {/* The contract sends them as stored; the capability form's rules wrote them. */}
          {(l.referenceCases as ReferenceCase[]).map((c, i) => (
            <Typography.Paragraph key={i}>
              <Typography.Text strong>{c.title}</Typography.Text>
              {c.client ? `（${c.client}${c.year ? `，${c.year}年` : ''}）` : ''}：{c.summary}
            </Typography.Paragraph>
          ))}
        </>
      )}
    </Card>
  );
}

/** 条目详情 with its matches (匹配结果) and interests (对接意向). */
export default function Listing() {
  const { id = '' } = useParams();
  const access = useAccess();
  const meta = useMeta();
  const listing = useQuery({ queryKey: searchKeys.listing(id), queryFn: () => searchApi.listing(id) });
  const interests = useQuery({ queryKey: matchingKeys.interests(id), queryFn: () => matchingApi.interests(id) });
  const [choosing, setChoosing] = useState(false);
  const l = listing.data;
  const orgUser = access.can('expressInterest');
  const otherType = l?.listType === 'scenario_need' ? 'capability' : 'scenario_need';
  const ownQuery = { listType: otherType, pageSize: 100 };
  const ownItems = useQuery({
    queryKey: submissionsKeys.list(ownQuery),
    queryFn: () => submissionsApi.submissions(ownQuery),
    select: (page) => page.items.filter((s) => INTEREST_STATES.has(s.status)).map((s) => ({ id: s.id, title: s.title })),
    enabled: !!l && !l.mine && orgUser,
  });

  if (listing.isFetching && !l) return <FullPageSpin />;
  if (listing.error || !l) return <LoadError error={listing.error} onRetry={() => void listing.refetch()} />;

  return (
    <div>
      <PageHeader
        title={
          <Space size={8} wrap>
            <Tag color={l.listType === 'scenario_need' ? 'cyan' : 'geekblue'} style={{ fontSize: 14 }}>
              {meta.listType(l.listType)}
            </Tag>
            <span data-testid="listing-title">{l.title}</span>
          </Space>
        }
        sub={l.organization.name}
        extra={
          <Space>
            {l.mine && (
              <Link to={`/submissions/${l.id}`} data-testid="listing-submission-link">
                查看填报记录
              </Link>
            )}
            {!l.mine && orgUser && (
              <Button type="primary" icon={<HeartOutlined />} onClick={() => setChoosing(true)} data-testid="listing-interest">
                表达意向
              </Button>
            )}
          </Space>
        }
      />
      {l.mergedIntoId && (
        <Alert
          type="warning"
          showIcon
          title="该条目已与其他需求合并"
          action={<Link to={`/listings/${l.mergedIntoId}`}>查看合并后的条目</Link>}
          style={{ marginBottom: 16 }}
          data-testid="listing-merged"
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Details l={l} />
          <InterestsCard listing={l} interests={interests.data ?? []} />
        </Col>
        <Col xs={24} xl={14}>
          <MatchesPanel listing={l} interests={interests.data ?? []} />
        </Col>
      </Row>
      <InterestModal
        open={choosing}
        other={{ id: l.id, title: l.title, listType: l.listType }}
        ownItems={ownItems.data ?? []}
        onClose={() => setChoosing(false)}
      />
    </div>
  );
}
