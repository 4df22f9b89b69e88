import { listHits, listSubscriptionsOfUser, type SubscriptionRow } from '@scenebridge/db';
import { LIST_TYPE_LABELS } from '@scenebridge/domain/glossary';
import { regionFullName, sectorName, techFieldName, type ListType } from '@scenebridge/domain';
import { SUBSCRIPTION_KIND_LABELS } from '@scenebridge/contract/subscriptions/labels';
import type { Actor, Services } from '../context.js';
import {
  exportFileName,
  timeCell,
  exporterName,
  pagesOf,
  shanghaiDateTime,
  writeListWorkbook,
  type ListColumn,
  type PreparedExport,
} from '../shared/index.js';
import { loadSubscription } from './own-subscription.js';
import { authorizeSubscriber } from './policy.js';
import type { MatchProfileQuery, SavedSearchQuery } from './schemas.js';

const FREQUENCY_LABELS: Record<string, string> = { daily: '每日', weekly: '每周' };
const listTypeLabel = (t: string) => LIST_TYPE_LABELS[t as ListType] ?? t;

/** A subscription's conditions in words, as 我的订阅 shows them under its name. */
export function describeSubscription(s: Pick<SubscriptionRow, 'kind' | 'query'>): string {
  if (s.kind === 'policy_digest') return '政策动态每期发布时发送邮件';
  if (s.kind === 'policy_match')
    return (s.query as { includeUnknown?: boolean }).includeUnknown
      ? '新发布政策中本单位符合或需补充信息才能判断的措施'
      : '新发布政策中本单位符合条件的措施';
  if (s.kind === 'match_profile') {
    const n = (s.query as MatchProfileQuery).submissionIds?.length ?? 0;
    return `与本机构 ${n} 项需求/能力匹配的新条目`;
  }
  const q = s.query as SavedSearchQuery;
  return [
    q.q && `关键词“${q.q}”`,
    q.listType && listTypeLabel(q.listType),
    q.sector && sectorName(q.sector),
    q.techFields?.map(techFieldName).join('、'),
    q.regionCode && regionFullName(q.regionCode),
  ]
    .filter(Boolean)
    .join(' · ');
}

type SubscriptionListRow = Awaited<ReturnType<typeof listSubscriptionsOfUser>>[number];

const SUBSCRIPTION_COLUMNS: readonly ListColumn<SubscriptionListRow>[] = [
  { header: '名称', width: 24, value: (r) => r.subscription.name },
  {
    header: '类型',
    width: 12,
    value: (r) => SUBSCRIPTION_KIND_LABELS[r.subscription.kind as keyof typeof SUBSCRIPTION_KIND_LABELS] ?? r.subscription.kind,
  },
  { header: '订阅条件', width: 40, value: (r) => describeSubscription(r.subscription) },
  { header: '推送频率', width: 10, value: (r) => FREQUENCY_LABELS[r.subscription.frequency] ?? r.subscription.frequency },
  { header: '邮件', width: 8, value: (r) => (r.subscription.emailEnabled ? '发送' : '不发送') },
  { header: '状态', width: 8, value: (r) => (r.subscription.unsubscribedAt === null ? '启用' : '已退订') },
  { header: '待推送', width: 8, value: (r) => r.pendingHits },
  { header: '上次推送', width: 17, value: (r) => timeCell(r.subscription.lastDigestAt) },
  { header: '创建时间', width: 17, value: (r) => timeCell(r.subscription.createdAt) },
];

/** 我的订阅 as XLSX: the caller's own subscriptions, as the page lists them (nobody else's is read). */
export async function exportMySubscriptions({ services, actor }: { services: Services; actor: Actor }): Promise<PreparedExport> {
  const me = authorizeSubscriber(actor);
  const sheetName = '我的订阅';
  const exportedAt = services.now();
  return {
    fileName: exportFileName(sheetName, exportedAt),
    write: async (output) => {
      const rows = await listSubscriptionsOfUser(services.db, me.userId);
      return writeListWorkbook(
        {
          sheetName,
          columns: SUBSCRIPTION_COLUMNS,
          pages: (async function* () {
            if (rows.length > 0) yield rows;
          })(),
          filters: [],
          exportedBy: exporterName(me),
          exportedAt,
        },
        output,
      );
    },
  };
}

type HitRow = Awaited<ReturnType<typeof listHits>>['items'][number];

const HIT_COLUMNS: readonly ListColumn<HitRow>[] = [
  { header: '项目', width: 40, value: (h) => h.title },
  { header: '类型', width: 12, value: (h) => listTypeLabel(h.listType) },
  { header: '发布单位', width: 28, value: (h) => h.organizationName },
  { header: '领域', width: 12, value: (h) => (h.sector ? sectorName(h.sector) : null) },
  { header: '匹配时间', width: 17, value: (h) => shanghaiDateTime(h.matchedAt) },
  { header: '邮件摘要', width: 10, value: (h) => (h.digestedAt ? '已发送' : '待发送') },
];

/** One subscription's 命中记录 as XLSX, every hit in the page's order; another user's subscription answers 404. */
export async function exportSubscriptionHits({
  services,
  actor,
  id,
}: {
  services: Services;
  actor: Actor;
  id: string;
}): Promise<PreparedExport> {
  const me = authorizeSubscriber(actor);
  const subscription = await loadSubscription(services.db, me, id, 'listHits');
  const sheetName = '订阅命中';
  const exportedAt = services.now();
  return {
    fileName: exportFileName(`${sheetName}_${subscription.name}`, exportedAt),
    write: (output) =>
      writeListWorkbook(
        {
          sheetName,
          columns: HIT_COLUMNS,
          pages: pagesOf(async (limit, offset) => (await listHits(services.db, id, { limit, offset })).items),
          filters: [
            { label: '订阅', value: subscription.name },
            { label: '订阅条件', value: describeSubscription(subscription) },
          ],
          exportedBy: exporterName(me),
          exportedAt,
        },
        output,
      ),
  };
}
