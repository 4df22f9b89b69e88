import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { AcceptInterestButton } from '../deals/AcceptInterestButton';
import { DeclineInterestButton } from '../deals/DeclineInterestButton';
import { ExportButton } from '../../shared/components/ExportButton';
import { fmtTime } from '../../shared/time';
import type { Interest, Listing } from '../../shared/types';

const STATUS_TAG: Record<Interest['status'], { color: string; text: string } | null> = {
  open: null,
  accepted: { color: 'green', text: '已接受' },
  declined: { color: 'default', text: '已婉拒' },
};

/** Interests received and sent on a listing (others see only their own organisation's). */
export function InterestsCard({ listing, interests }: { listing: Listing; interests: Interest[] }) {
  return (
    <Card
      title={`对接意向（${interests.length}）`}
      extra={interests.length > 0 && <ExportButton path={`/listings/${listing.id}/interests/export.xlsx`} testId="interests-export" />}
      style={{ marginBottom: 16 }}
      data-testid="interests-list"
    >
      {interests.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无对接意向" />
      ) : (
        <List
          size="small"
          dataSource={interests}
          renderItem={(i) => {
            const otherId = listing.listType === 'scenario_need' ? i.capabilityId : i.needId;
            // Received: sent from the other side to this listing's owner, who may accept it (对接项目).
            const received = listing.mine && i.fromSide !== (listing.listType === 'scenario_need' ? 'need' : 'capability');
            return (
              <List.Item data-testid={`interest-row-${i.id}`}>
                <List.Item.Meta
                  title={
                    <>
                      {i.organization.name}
                      <Tag style={{ marginInlineStart: 8 }}>{i.fromSide === 'capability' ? '能力方发起' : '需求方发起'}</Tag>
                      {STATUS_TAG[i.status] && (
                        <Tag color={STATUS_TAG[i.status]!.color} data-testid="interest-status">
                          {STATUS_TAG[i.status]!.text}
                        </Tag>
                      )}
                    </>
                  }
                  description={
                    <>
                      <div>
                        <Link to={`/listings/${otherId}`} data-testid="interest-other-link">
                          查看{listing.listType === 'scenario_need' ? '对方能力' : '对方需求'}
                        </Link>
                        {i.by ? ` · ${i.by}` : ''} · {fmtTime(i.createdAt)}
                      </div>
                      {i.message && <Typography.Text>留言：{i.message}</Typography.Text>}
                      {i.status === 'declined' && i.declineReason && (
                        <div>
                          <Typography.Text type="secondary" data-testid="interest-decline-reason">
                            婉拒原因：{i.declineReason}
                            {i.decidedAt ? `（${fmtTime(i.decidedAt)}）` : ''}
                          </Typography.Text>
                        </div>
                      )}
                      {received && i.status !== 'declined' && (
                        <Space style={{ marginTop: 6 }} wrap>
                          <AcceptInterestButton interestId={i.id} />
                          {i.status === 'open' && <DeclineInterestButton interestId={i.id} from={i.organization.name} />}
                        </Space>
                      )}
                    </>
                  }
                />
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
