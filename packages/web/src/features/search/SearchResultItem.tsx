import { Card, Flex, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { budgetText, TRL_LABELS } from '../../shared/labels';
import { useMeta } from '../../shared/meta';
import { fmtDate } from '../../shared/time';
import type { SearchHit } from '../../shared/types';
import { Highlight } from '../../shared/components/Highlight';
import { ListingTags } from './ListingTags';
import { StatusTag } from '../../shared/components/StatusTag';

/** One search result: highlighted title and snippet, owner, tags and dates. */
export function SearchResultItem({ hit }: { hit: SearchHit }) {
  const meta = useMeta();
  const isNeed = hit.listType === 'scenario_need';
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid={`search-result-${hit.id}`}>
      <Flex justify="space-between" align="flex-start" gap={12}>
        <div style={{ minWidth: 0 }}>
          <Space size={8} wrap>
            <Tag color={isNeed ? 'cyan' : 'geekblue'}>{meta.listType(hit.listType)}</Tag>
            <Link to={`/listings/${hit.id}`} data-testid="search-result-link" style={{ fontSize: 16, fontWeight: 500 }}>
              <Highlight parts={hit.title} />
            </Link>
          </Space>
          <Typography.Paragraph type="secondary" style={{ margin: '6px 0' }} data-testid="search-result-snippet">
            <Highlight parts={hit.snippet} />
          </Typography.Paragraph>
          <ListingTags
            listType={hit.listType}
            sector={hit.sector}
            sectors={hit.sectors}
            techFields={hit.techFields}
            regionName={hit.regionName}
            batch={hit.batch}
          />
        </div>
        <Flex vertical align="flex-end" gap={4} style={{ flex: 'none', textAlign: 'right' }}>
          <StatusTag kind="submission" status={hit.status} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {hit.organization.name}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {isNeed
              ? `预算：${budgetText(hit.budgetMin, hit.budgetMax)}`
              : hit.maturityTrl
                ? `成熟度：${TRL_LABELS[hit.maturityTrl] ?? hit.maturityTrl}`
                : ''}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {hit.publishedAt ? `发布：${fmtDate(hit.publishedAt)}` : hit.submittedAt ? `提交：${fmtDate(hit.submittedAt)}` : ''}
            {hit.deadline ? ` · 截止：${fmtDate(hit.deadline)}` : ''}
          </Typography.Text>
        </Flex>
      </Flex>
    </Card>
  );
}
