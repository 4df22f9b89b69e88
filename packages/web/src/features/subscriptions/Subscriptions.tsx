import { useQuery, useQueryClient } from '@tanstack/react-query';
import { BellOutlined, PlusOutlined, ReadOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Select, Space, Switch, Tag, Typography } from 'antd';
import { SUBSCRIPTION_KIND_LABELS } from '@scenebridge/contract/subscriptions/labels';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { subscriptionsApi, subscriptionsKeys } from './api';
import { useAccess } from '../auth/auth';
import { LinkButton } from '../../shared/components/LinkButton';
import { DataTable } from '../../shared/components/DataTable';
import { ExportButton } from '../../shared/components/ExportButton';
import { MatchProfileModal } from '../matching/MatchProfileModal';
import { PolicyMatchModal } from './PolicyMatchModal';
import { PageHeader } from '../../shared/components/PageHeader';
import { useErrorToast } from '../../shared/hooks';
import { FREQUENCY_OPTIONS } from '../../shared/labels';
import { useMeta, type MetaValue } from '../../shared/meta';
import { rowTestId } from '../../shared/testid';
import { fmtTime } from '../../shared/time';
import type { DigestFrequency, SavedSearchQuery, Subscription, SubscriptionKind } from '../../shared/types';

const KIND_COLORS: Record<SubscriptionKind, string> = {
  saved_search: 'blue',
  match_profile: 'purple',
  policy_digest: 'volcano',
  policy_match: 'green',
};
const isPolicyKind = (k: SubscriptionKind) => k === 'policy_digest' || k === 'policy_match';

/** Where a subscription's name leads: the policy kinds have no hits page of their own. */
function openLink(s: Subscription): string {
  if (s.kind === 'policy_digest') return '/policy-digests';
  if (s.kind === 'policy_match') return '/policies/for-me';
  return `/subscriptions/${s.id}`;
}

function describe(s: Subscription, meta: MetaValue): string {
  if (s.kind === 'policy_digest') return '政策动态每期发布时发送邮件';
  if (s.kind === 'policy_match')
    return s.query.includeUnknown ? '新发布政策中本单位符合或需补充信息才能判断的措施' : '新发布政策中本单位符合条件的措施';
  if (s.kind === 'match_profile') {
    const n = 'submissionIds' in s.query ? s.query.submissionIds.length : 0;
    return `与本机构 ${n} 项需求/能力匹配的新条目`;
  }
  const q = s.query as SavedSearchQuery;
  return [
    q.q && `关键词“${q.q}”`,
    q.listType && meta.listType(q.listType),
    q.sector && meta.sector(q.sector),
    q.techFields?.map(meta.techField).join('、'),
    q.regionCode && meta.region(q.regionCode),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The search page URL that re-runs a saved search. */
function searchLink(q: SavedSearchQuery): string {
  const p = new URLSearchParams();
  if (q.q) p.set('q', q.q);
  if (q.listType) p.set('listType', q.listType);
  if (q.sector) p.set('sector', q.sector);
  if (q.techFields?.length) p.set('techField', q.techFields.join(','));
  if (q.regionCode) p.set('region', q.regionCode);
  return `/search?${p.toString()}`;
}

/** 我的订阅: saved searches and “为我匹配” profiles, with their digest frequency. */
export default function Subscriptions() {
  const blocked = useAccess().refusal('subscribe');
  const meta = useMeta();
  const toast = useErrorToast();
  const queryClient = useQueryClient();
  // Not asked at all when the server would refuse (403 ORGANIZATION_NOT_APPROVED).
  const list = useQuery({ queryKey: subscriptionsKeys.list, queryFn: subscriptionsApi.subscriptions, enabled: !blocked });
  const setList = (next: (items: Subscription[]) => Subscription[]) =>
    queryClient.setQueryData<Subscription[]>(subscriptionsKeys.list, (items) => next(items ?? []));
  const [adding, setAdding] = useState(false);
  const [addingPolicyMatch, setAddingPolicyMatch] = useState(false);
  const [subscribingDigest, setSubscribingDigest] = useState(false);
  const { message } = App.useApp();
  const hasActive = (kind: SubscriptionKind) => (list.data ?? []).some((s) => s.kind === kind && s.active);

  // One click: the server answers the existing subscription when there is one already.
  const subscribeDigest = async () => {
    setSubscribingDigest(true);
    try {
      await subscriptionsApi.createSubscription({
        kind: 'policy_digest',
        name: '订阅政策动态',
        frequency: 'weekly',
        emailEnabled: true,
        query: {},
      });
      void message.success('已订阅政策动态：每期发布时发送到您的邮箱');
      void queryClient.invalidateQueries({ queryKey: subscriptionsKeys.all });
    } catch (e) {
      toast(e);
    } finally {
      setSubscribingDigest(false);
    }
  };
  const [busyId, setBusyId] = useState<string | null>(null);

  const change = async (id: string, patch: Parameters<typeof subscriptionsApi.updateSubscription>[1]) => {
    setBusyId(id);
    try {
      const updated = await subscriptionsApi.updateSubscription(id, patch);
      setList((items) => items.map((s) => (s.id === id ? updated : s)));
    } catch (e) {
      toast(e);
    } finally {
      setBusyId(null);
    }
  };

  const remove = async (id: string) => {
    try {
      await subscriptionsApi.deleteSubscription(id);
      setList((items) => items.filter((s) => s.id !== id));
    } catch (e) {
      toast(e);
    }
  };

  const columns: ColumnsType<Subscription> = [
    {
      title: '名称',
      dataIndex: 'name',
      render: (v: string, s) => (
        <Space vertical size={0}>
          <Link to={openLink(s)} data-testid={`subscription-open-${s.id}`}>
            <Typography.Text strong>{v}</Typography.Text>
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {describe(s, meta)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '类型',
      dataIndex: 'kind',
      width: 130,
      render: (k: SubscriptionKind) => <Tag color={KIND_COLORS[k]}>{SUBSCRIPTION_KIND_LABELS[k]}</Tag>,
    },
    {
      title: '推送频率',
      dataIndex: 'frequency',
      width: 110,
      render: (f: DigestFrequency, s) =>
        s.kind === 'policy_digest' ? (
          <Typography.Text type="secondary">每期发布时</Typography.Text>
        ) : (
          <Select<DigestFrequency>
            size="small"
            value={f}
            options={FREQUENCY_OPTIONS}
            disabled={busyId === s.id}
            onChange={(v) => void change(s.id, { frequency: v })}
            style={{ width: 80 }}
            data-testid="subscription-frequency"
          />
        ),
    },
    {
      title: '邮件',
      dataIndex: 'emailEnabled',
      width: 70,
      render: (v: boolean, s) => (
        <Switch
          size="small"
          checked={v}
          disabled={busyId === s.id}
          onChange={(on) => void change(s.id, { emailEnabled: on })}
          data-testid="subscription-email"
        />
      ),
    },
    {
      title: '启用',
      dataIndex: 'active',
      width: 70,
      render: (v: boolean, s) => (
        <Switch
          size="small"
          checked={v}
          disabled={busyId === s.id}
          onChange={(on) => void change(s.id, { active: on })}
          data-testid="subscription-active"
        />
      ),
    },
    { title: '待推送', dataIndex: 'pendingHits', width: 80, render: (n: number, s) => (isPolicyKind(s.kind) ? '—' : n) },
    { title: '上次推送', dataIndex: 'lastDigestAt', width: 150, render: (v: string | null) => fmtTime(v) },
    {
      title: '操作',
      key: 'actions',
      width: 140,
      render: (_v, s) => (
        <Space size="small">
          {s.kind === 'saved_search' && (
            <LinkButton size="small" type="link" to={searchLink(s.query as SavedSearchQuery)} data-testid="subscription-run">
              检索
            </LinkButton>
          )}
          <Popconfirm
            title="删除该订阅？"
            okText="删除"
            cancelText="取消"
            okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }}
            onConfirm={() => remove(s.id)}
          >
            <Button size="small" type="link" danger data-testid="subscription-delete">
              删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <div>
      <PageHeader
        title="我的订阅"
        sub="保存的检索和“为我匹配”会按设定频率在站内通知（并可发送邮件）推送新发布的条目；订阅政策动态每期发布时发送邮件；新政策匹配提醒在新政策有本单位符合的措施时通知"
        extra={
          !blocked && (
            <Space wrap>
              <ExportButton path="/subscriptions/export.xlsx" />
              <LinkButton to="/search" icon={<SearchOutlined />} data-testid="subscription-go-search">
                从检索页保存
              </LinkButton>
              <Button
                icon={<ReadOutlined />}
                loading={subscribingDigest}
                disabled={hasActive('policy_digest')}
                onClick={() => void subscribeDigest()}
                data-testid="subscription-add-policy-digest"
              >
                {hasActive('policy_digest') ? '已订阅政策动态' : '订阅政策动态'}
              </Button>
              <Button
                icon={<BellOutlined />}
                disabled={hasActive('policy_match')}
                onClick={() => setAddingPolicyMatch(true)}
                data-testid="subscription-add-policy-match"
              >
                新政策匹配提醒
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="subscription-add-profile">
                新建“为我匹配”
              </Button>
            </Space>
          )
        }
      />
      <Card>
        <DataTable<Subscription>
          blocked={blocked}
          error={list.error}
          onRetry={() => void list.refetch()}
          rowKey="id"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data ?? []}
          pagination={false}
          onRow={(s) => rowTestId(`subscription-row-${s.id}`)}
          empty={<Empty description="暂无订阅：在检索页点击“保存为订阅”，或新建“为我匹配”" data-testid="subscriptions-empty" />}
          scroll={{ x: 900 }}
        />
      </Card>
      <MatchProfileModal open={adding} onClose={() => setAdding(false)} />
      <PolicyMatchModal open={addingPolicyMatch} onClose={() => setAddingPolicyMatch(false)} />
    </div>
  );
}
