/** The emails' words and markup: Chinese, plain text and HTML, every value escaped. */
import type { NotificationEmailPayload } from '@scenebridge/db';
import { LIST_TYPE_LABELS, sectorName, type ListType } from '@scenebridge/domain';
import { html, raw, type SafeHtml } from '../shared/index.js';

const FOOTER_TEXT = '—— 场景桥 · 人工智能应用场景创新服务平台（系统邮件，请勿直接回复）';

/** A link stored as a path is made absolute against the public site. */
export const absolute = (baseUrl: string, link: string) =>
  /^https?:\/\//.test(link) ? link : `${baseUrl}${link.startsWith('/') ? '' : '/'}${link}`;

function page(title: string, body: SafeHtml): string {
  return html`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head>
<body style="margin:0;padding:24px;background:#f5f7fa;font-family:'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;color:#1b1f24;line-height:1.7">
<div style="max-width:640px;margin:0 auto;background:#fff;border-radius:6px;padding:24px">
<div style="color:#0b3a82;font-weight:700;margin-bottom:12px">场景桥</div>
${body}
<p style="margin-top:24px;color:#6b7280;font-size:13px">${FOOTER_TEXT}</p>
</div></body></html>`.value;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

export function renderNotificationEmail(p: NotificationEmailPayload, baseUrl: string): RenderedEmail {
  const link = p.link ? absolute(baseUrl, p.link) : null;
  const text = [p.title, p.body, link ? `查看详情：${link}` : null, FOOTER_TEXT].filter(Boolean).join('\n\n');
  const body = html`<h1 style="font-size:18px;margin:0 0 12px">${p.title}</h1>
${p.body ? html`<p style="white-space:pre-line">${p.body}</p>` : ''}
${link ? html`<p><a href="${link}" style="color:#0a4fb4">查看详情</a></p>` : ''}`;
  return { subject: `【场景桥】${p.title}`, text, html: page(p.title, body) };
}

export interface DigestItem {
  title: string;
  organizationName: string;
  listType: string;
  sector: string | null;
  /** The public page of the item's batch entry. */
  entryId: string | null;
  submissionId: string;
}

export interface DigestInput {
  subscriptionName: string;
  frequency: 'daily' | 'weekly';
  items: DigestItem[];
  /** All pending hits; items may hold only the first of them. */
  total: number;
  baseUrl: string;
  manageUrl: string;
  unsubscribeUrl: string;
}

const itemUrl = (baseUrl: string, i: DigestItem) =>
  i.entryId ? `${baseUrl}/public/entries/${i.entryId}` : `${baseUrl}/submissions/${i.submissionId}`;
const itemLine = (i: DigestItem) =>
  [LIST_TYPE_LABELS[i.listType as ListType] ?? i.listType, i.organizationName, i.sector ? sectorName(i.sector) : null]
    .filter(Boolean)
    .join(' · ');

/**
 * The digest of one subscription, with RFC 8058 one-click unsubscribe headers: a mail client
 * POSTs "List-Unsubscribe=One-Click" to the link, which the signed token alone authorises.
 */
export function renderDigest(d: DigestInput): RenderedEmail {
  const period = d.frequency === 'daily' ? '每日' : '每周';
  const subject = `【场景桥】订阅「${d.subscriptionName}」${period}摘要：${d.total}项新发布的匹配项目`;
  const more = d.total - d.items.length;
  const text = [
    `您订阅的「${d.subscriptionName}」有${d.total}项新发布的匹配项目：`,
    ...d.items.map((i, n) => `${n + 1}. ${i.title}\n   ${itemLine(i)}\n   ${itemUrl(d.baseUrl, i)}`),
    more > 0 ? `另有${more}项，请登录查看：${d.manageUrl}` : '',
    `管理订阅：${d.manageUrl}`,
    `不想再收到此订阅的邮件？一键退订：${d.unsubscribeUrl}`,
    FOOTER_TEXT,
  ]
    .filter(Boolean)
    .join('\n\n');
  const body = html`<h1 style="font-size:18px;margin:0 0 12px">订阅「${d.subscriptionName}」${period}摘要</h1>
<p>共有${d.total}项新发布的项目与您的订阅匹配：</p>
<ol style="padding-left:20px">${d.items.map((i) => html`<li style="margin-bottom:10px"><a href="${itemUrl(d.baseUrl, i)}" style="color:#0a4fb4">${i.title}</a><br><span style="color:#6b7280;font-size:13px">${itemLine(i)}</span></li>`)}</ol>
${more > 0 ? html`<p>另有${more}项，<a href="${d.manageUrl}" style="color:#0a4fb4">登录查看全部</a>。</p>` : ''}
<p style="font-size:13px;color:#6b7280"><a href="${d.manageUrl}" style="color:#0a4fb4">管理订阅</a>${raw(' · ')}<a href="${d.unsubscribeUrl}" style="color:#0a4fb4">一键退订</a></p>`;
  return {
    subject,
    text,
    html: page(subject, body),
    headers: { 'List-Unsubscribe': `<${d.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
