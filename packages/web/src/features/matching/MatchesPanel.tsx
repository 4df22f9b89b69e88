import { App, Button, Card, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { matchingApi, matchingKeys } from './api';
import { useAccess, useUser } from '../auth/auth';
import { fmtTime } from '../../shared/time';
import type { Interest, Listing, MatchItem } from '../../shared/types';
import { InterestModal, type ListingRef } from './InterestModal';
import { PageState } from '../../shared/components/PageState';
import { MatchRow, RowButton } from './MatchRow';
import { ReasonModal } from '../../shared/components/ReasonModal';

/** Rows shown before "显示全部". */
const FIRST = 10;

type Decision = { kind: 'pin' | 'exclude' | 'clear'; targetId: string; title: string };

const DECISION_TEXT: Record<Decision['kind'], { title: string; label: string; ok: string; done: string }> = {
  pin: { title: '置顶匹配结果', label: '置顶原因', ok: '置顶', done: '已置顶' },
  exclude: { title: '排除匹配结果', label: '排除原因', ok: '排除', done: '已排除' },
  clear: { title: '撤销置顶或排除', label: '撤销原因', ok: '撤销', done: '已撤销' },
};

interface Props {
  listing: Listing;
  interests: Interest[];
}

/**
 * 匹配结果: the other list's items ranked for this one, each score explained. Operators and
 * brokers pin or exclude results with a reason; an organisation that owns one side of a pair
 * expresses interest (意向).
 */
export function MatchesPanel({ listing, interests }: Props) {
  const user = useUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const matches = useQuery({ queryKey: matchingKeys.matches(listing.id), queryFn: () => matchingApi.matches(listing.id) });
  const [decision, setDecision] = useState<Decision | null>(null);
  const [all, setAll] = useState(false);
  // Weak matches (under the score threshold) are hidden until asked for; pinned ones always show.
  const [showWeak, setShowWeak] = useState(false);
  const [interest, setInterest] = useState<{ other: ListingRef; own: Array<{ id: string; title: string }> } | null>(null);

  const access = useAccess();
  const curator = access.can('curate');
  const orgUser = access.can('expressInterest');
  const ownOrg = user.organization.id;
  const pairKey = (a: string, b: string) => [a, b].sort().join('|');
  const expressed = new Set(interests.map((i) => pairKey(i.needId, i.capabilityId)));

  const actionsFor = (m: MatchItem) => {
    const out = [];
    if (orgUser && ownOrg) {
      const mineMatch = m.organization.id === ownOrg;
      // The pair is listing × match; the caller must own exactly one side.
      if (listing.mine !== mineMatch && !expressed.has(pairKey(listing.id, m.id))) {
        const other: ListingRef = listing.mine
          ? { id: m.id, title: m.title, listType: m.listType }
          : { id: listing.id, title: listing.title, listType: listing.listType };
        const own = listing.mine ? [{ id: listing.id, title: listing.title }] : [{ id: m.id, title: m.title }];
        out.push(
          <RowButton key="i" primary testId="match-interest" onClick={() => setInterest({ other, own })}>
            表达意向
          </RowButton>,
        );
      }
    }
    if (curator) {
      if (m.pinned) {
        out.push(
          <RowButton key="c" testId="match-unpin" onClick={() => setDecision({ kind: 'clear', targetId: m.id, title: m.title })}>
            取消置顶
          </RowButton>,
        );
      } else {
        out.push(
          <RowButton key="p" testId="match-pin" onClick={() => setDecision({ kind: 'pin', targetId: m.id, title: m.title })}>
            置顶
          </RowButton>,
        );
      }
      out.push(
        <RowButton key="e" danger testId="match-exclude" onClick={() => setDecision({ kind: 'exclude', targetId: m.id, title: m.title })}>
          排除
        </RowButton>,
      );
    }
    return out.length ? out : undefined;
  };

  const badgeFor = (m: MatchItem) => {
    if (expressed.has(pairKey(listing.id, m.id)))
      return (
        <Tag color="green" data-testid="match-interested">
          已表达意向
        </Tag>
      );
    if (m.organization.id === ownOrg) return <Tag color="blue">本机构</Tag>;
    return undefined;
  };

  const data = matches.data;
  const weakCount = data?.items.filter((m) => m.weak && !m.pinned).length ?? 0;
  const shown = data?.items.filter((m) => showWeak || !m.weak || m.pinned);
  const text = decision ? DECISION_TEXT[decision.kind] : null;
  const otherType = listing.listType === 'scenario_need' ? '场景能力' : '场景需求';

  return (
    <Card
      title="匹配结果"
      extra={<Typography.Text type="secondary">按匹配度排序的{otherType}；总分100分，由下列各项得分相加</Typography.Text>}
      style={{ marginBottom: 16 }}
      data-testid="matches-panel"
    >
      <PageState
        error={matches.error}
        onRetry={() => void matches.refetch()}
        count={shown?.length}
        empty={<Empty description={`暂无匹配的${otherType}`} data-testid="matches-empty" />}
      />
      {!data && matches.isFetching && <Skeleton active paragraph={{ rows: 6 }} />}
      <div data-testid="matches-list">
        {shown?.slice(0, all ? undefined : FIRST).map((m, i) => (
          <MatchRow key={m.id} rank={i + 1} item={m} actions={actionsFor(m)} badge={badgeFor(m)} />
        ))}
      </div>
      {shown && shown.length > FIRST && (
        <Button block type="dashed" onClick={() => setAll(!all)} style={{ marginBottom: 12 }} data-testid="matches-more">
          {all ? '收起' : `显示全部 ${shown.length} 条`}
        </Button>
      )}
      {weakCount > 0 && (
        <Button block type="link" onClick={() => setShowWeak(!showWeak)} style={{ marginBottom: 12 }} data-testid="matches-weak-toggle">
          {showWeak ? '隐藏较弱的匹配' : `显示较弱的匹配（${weakCount} 条，匹配度较低）`}
        </Button>
      )}
      {curator && data && data.excluded.length > 0 && (
        <Card size="small" type="inner" title={`已排除（${data.excluded.length}）`} data-testid="matches-excluded">
          <List
            size="small"
            dataSource={data.excluded}
            renderItem={(x) => (
              <List.Item
                data-testid={`excluded-row-${x.id}`}
                actions={[
                  <RowButton
                    key="r"
                    testId="match-restore"
                    onClick={() => setDecision({ kind: 'clear', targetId: x.id, title: x.title ?? x.id })}
                  >
                    撤销排除
                  </RowButton>,
                ]}
              >
                <Flex vertical>
                  {x.title ? (
                    <Link to={`/listings/${x.id}`}>{x.title}</Link>
                  ) : (
                    <Typography.Text type="secondary">（条目已不可见）</Typography.Text>
                  )}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    原因：{x.reason} · {x.by ?? '—'} · {fmtTime(x.at)}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      )}
      {decision && text && (
        <ReasonModal
          open
          title={`${text.title}：${decision.title}`}
          label={text.label}
          okText={text.ok}
          danger={decision.kind === 'exclude'}
          onCancel={() => setDecision(null)}
          onSubmit={async (reason) => {
            await matchingApi.decideMatch(listing.id, decision.targetId, decision.kind, reason);
            void message.success(text.done);
            setDecision(null);
            void queryClient.invalidateQueries({ queryKey: matchingKeys.matches(listing.id) });
          }}
        />
      )}
      <InterestModal open={!!interest} other={interest?.other ?? null} ownItems={interest?.own ?? []} onClose={() => setInterest(null)} />
    </Card>
  );
}
