import { PushpinFilled } from '@ant-design/icons';
import { Button, Card, Flex, Space, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { fmtTime } from '../../shared/time';
import type { MatchItem } from '../../shared/types';
import { MatchBar, MatchParts, SharedTerms } from './MatchExplanation';
import { StatusTag } from '../../shared/components/StatusTag';

interface Props {
  rank: number;
  item: MatchItem;
  /** Buttons for this row (curation, interest). */
  actions?: ReactNode;
  /** A tag such as 已表达意向 or 本机构. */
  badge?: ReactNode;
}

/** One ranked match with its score explained part by part. */
export function MatchRow({ rank, item, actions, badge }: Props) {
  return (
    <Card size="small" style={{ marginBottom: 12, borderColor: item.pinned ? '#faad14' : undefined }} data-testid={`match-row-${item.id}`}>
      <Flex gap={16} align="flex-start">
        <Flex vertical align="center" style={{ width: 64, flex: 'none' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            第{rank}名
          </Typography.Text>
          <Typography.Text strong style={{ fontSize: 24, lineHeight: '32px', color: '#1456c6' }} data-testid="match-score">
            {Math.round(item.score)}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            匹配度
          </Typography.Text>
        </Flex>
        <Flex vertical gap={8} style={{ flex: 1, minWidth: 0 }}>
          <Flex justify="space-between" align="flex-start" gap={8} wrap>
            <Space size={8} wrap>
              <Link to={`/listings/${item.id}`} style={{ fontWeight: 500 }} data-testid="match-link">
                {item.title}
              </Link>
              <StatusTag kind="submission" status={item.status} />
              {item.pinned && (
                <Tooltip title={`${item.pinned.by ?? ''} ${fmtTime(item.pinned.at)}`}>
                  <Tag icon={<PushpinFilled />} color="gold" data-testid="match-pinned">
                    已置顶：{item.pinned.reason}
                  </Tag>
                </Tooltip>
              )}
              {badge}
            </Space>
            {actions && <Space size={4}>{actions}</Space>}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.organization.name}
          </Typography.Text>
          <MatchBar parts={item.parts} />
          <MatchParts parts={item.parts} />
          <SharedTerms terms={item.sharedTerms} />
        </Flex>
      </Flex>
    </Card>
  );
}

/** Small link-style button used in match rows. */
export function RowButton(props: { onClick: () => void; testId: string; children: ReactNode; danger?: boolean; primary?: boolean }) {
  return (
    <Button
      size="small"
      type={props.primary ? 'primary' : 'default'}
      danger={props.danger}
      onClick={props.onClick}
      data-testid={props.testId}
    >
      {props.children}
    </Button>
  );
}
