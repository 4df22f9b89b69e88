/**
 * The digest of a 新政策匹配提醒 subscription: the `policy.match` notifications not yet mailed
 * (one per newly published policy), each listed as the policy with the measures that may apply,
 * and a link to 可能适用于我的措施 where the reasons are. A policy has no listing page, so these
 * items have their own small shape rather than the listing digest's.
 */
import { markPolicyMatchesDigested, pendingPolicyMatches, type SubscriptionRow, type Transaction } from '@scenebridge/db';
import type { PolicyMatchData } from '../policy-hub/index.js';
import type { RenderedEmail } from '../mail/index.js';
import { html, raw } from '../shared/index.js';

const FOOTER = '—— 场景桥 · 人工智能应用场景创新服务平台（系统邮件，请勿直接回复）';
const LINK = 'color:#0a4fb4';
const MAX_ITEMS = 30;
const OUTCOME_WORDS: Record<string, string> = { met: '符合条件', unknown: '需补充信息后判断' };

export interface DigestFrame {
  baseUrl: string;
  frequency: 'daily' | 'weekly';
  manageUrl: string;
  unsubscribeUrl: string;
}

interface Item {
  title: string;
  url: string;
  measures: string[];
}

function itemsOf(rows: { data: unknown }[], baseUrl: string): Item[] {
  return rows.map(({ data }) => {
    const d = data as PolicyMatchData;
    return {
      title: d.policyTitle,
      url: `${baseUrl}/policies/${d.policyId}`,
      measures: (d.measures ?? []).map((m) => `${m.heading ?? `第${m.path}项措施`}（${OUTCOME_WORDS[m.outcome] ?? m.outcome}）`),
    };
  });
}

export function renderPolicyMatchDigest(items: Item[], total: number, f: DigestFrame): RenderedEmail {
  const period = f.frequency === 'daily' ? '每日' : '每周';
  const subject = `【场景桥】新政策匹配提醒${period}摘要：${total}项新发布的政策有措施可能适用于您的单位`;
  const forMe = `${f.baseUrl}/policies/for-me`;
  const more = total - items.length;
  const text = [
    `有${total}项新发布的政策含有可能适用于您单位的措施：`,
    ...items.map((i, n) => `${n + 1}. ${i.title}\n${i.measures.map((m) => `   · ${m}`).join('\n')}\n   ${i.url}`),
    more > 0 ? `另有${more}项，请登录查看。` : '',
    `逐项条件与理由：${forMe}`,
    `管理订阅：${f.manageUrl}`,
    `不想再收到此订阅的邮件？一键退订：${f.unsubscribeUrl}`,
    FOOTER,
  ]
    .filter(Boolean)
    .join('\n\n');
  const body = html`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${subject}</title></head>
<body style="margin:0;padding:24px;background:#f5f7fa;font-family:'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;color:#1b1f24;line-height:1.7">
<div style="max-width:640px;margin:0 auto;background:#fff;border-radius:6px;padding:24px">
<div style="color:#0b3a82;font-weight:700;margin-bottom:12px">场景桥</div>
<h1 style="font-size:18px;margin:0 0 12px">新政策匹配提醒${period}摘要</h1>
<p>有${total}项新发布的政策含有可能适用于您单位的措施：</p>
<ol style="padding-left:20px">${items.map((i) => html`<li style="margin-bottom:10px"><a href="${i.url}" style="${LINK}">${i.title}</a><ul style="padding-left:18px;color:#4b5563;font-size:14px">${i.measures.map((m) => html`<li>${m}</li>`)}</ul></li>`)}</ol>
${more > 0 ? html`<p>另有${more}项，请登录查看。</p>` : ''}
<p><a href="${forMe}" style="${LINK}">查看可能适用于我的措施（逐项条件与理由）</a></p>
<p style="font-size:13px;color:#6b7280"><a href="${f.manageUrl}" style="${LINK}">管理订阅</a>${raw(' · ')}<a href="${f.unsubscribeUrl}" style="${LINK}">一键退订</a></p>
<p style="margin-top:24px;color:#6b7280;font-size:13px">${FOOTER}</p>
</div></body></html>`;
  return {
    subject,
    text,
    html: body.value,
    headers: { 'List-Unsubscribe': `<${f.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

/** The pending matches of one subscription as an email, and how to mark them sent; null when none are pending. */
export async function policyMatchDigest(tx: Transaction, sub: SubscriptionRow, f: DigestFrame) {
  const { items, total } = await pendingPolicyMatches(tx, sub, MAX_ITEMS);
  if (total === 0) return null;
  return {
    render: () => renderPolicyMatchDigest(itemsOf(items, f.baseUrl), total, f),
    markSent: (at: Date) => markPolicyMatchesDigested(tx, sub, at),
  };
}
