/**
 * The email of a published 政策动态 issue to its subscribers, queued in the outbox in the
 * publishing transaction. Subscribers are the active subscriptions of kind `policy_digest`
 * (email on, user not disabled); a user holding several gets one email, whose one-click
 * unsubscribe link ends the first of them. Prerendered (outbox kind `digest`), as the
 * subscription digests are, so the worker needs nothing new.
 */
import { activeSubscriptionsOfKind, enqueueOutbox, type Transaction } from '@scenebridge/db';
import { chineseDateText } from '@scenebridge/domain/policies';
import type { Services } from '../context.js';
import {
  DIGEST_EMAIL,
  signUnsubscribe,
  unsubscribeSecret,
  unsubscribeUrl,
  type PrerenderedEmailPayload,
  type RenderedEmail,
} from '../mail/index.js';
import { html } from '../shared/index.js';
import type { PolicyDigestDetailView } from './digest-present.js';

export const POLICY_DIGEST_SUBSCRIPTION_KIND = 'policy_digest';
const FOOTER = '—— 场景桥 · 人工智能应用场景创新服务平台（系统邮件，请勿直接回复）';
const LINK = 'color:#0a4fb4';

export function renderPolicyDigestEmail(
  d: PolicyDigestDetailView,
  links: { page: string; docx: string; unsubscribe: string },
): RenderedEmail {
  const heading = `政策动态 ${d.numberText ?? ''}`.trim();
  const subject = `【场景桥】${heading}：${d.title}`;
  const text = [
    `${heading}\n${d.title}\n${d.publisher} · ${chineseDateText(d.issuedOn)}`,
    d.intro,
    `本期政策：\n${d.items.map((i, n) => `${n + 1}. ${i.policy.title}`).join('\n')}`,
    d.directions.length ? `本期推荐研究方向：\n${d.directions.map((x, n) => `${n + 1}. ${x.title}`).join('\n')}` : null,
    `在线阅读：${links.page}\n下载 Word 版：${links.docx}`,
    `不想再收到政策动态？一键退订：${links.unsubscribe}`,
    FOOTER,
  ]
    .filter(Boolean)
    .join('\n\n');
  const body = html`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${subject}</title></head>
<body style="margin:0;padding:24px;background:#f5f7fa;font-family:'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;color:#1b1f24;line-height:1.7">
<div style="max-width:640px;margin:0 auto;background:#fff;border-radius:6px;padding:24px">
<div style="color:#b00000;font-weight:700;font-size:22px;text-align:center">政策动态</div>
<p style="text-align:center;margin:4px 0">${d.numberText ?? ''}</p>
<p style="text-align:center;color:#6b7280;margin:0 0 16px">${d.publisher} · ${chineseDateText(d.issuedOn)}</p>
<h1 style="font-size:18px;margin:0 0 12px">${d.title}</h1>
${d.intro ? html`<p style="white-space:pre-line">${d.intro}</p>` : ''}
<ol style="padding-left:20px">${d.items.map((i) => html`<li style="margin-bottom:6px">${i.policy.title}</li>`)}</ol>
${d.directions.length ? html`<p style="font-weight:700;margin-bottom:4px">本期推荐研究方向</p><ol style="padding-left:20px">${d.directions.map((x) => html`<li>${x.title}</li>`)}</ol>` : ''}
<p><a href="${links.page}" style="${LINK}">在线阅读</a> · <a href="${links.docx}" style="${LINK}">下载 Word 版</a></p>
<p style="font-size:13px;color:#6b7280"><a href="${links.unsubscribe}" style="${LINK}">一键退订政策动态</a></p>
<p style="margin-top:24px;color:#6b7280;font-size:13px">${FOOTER}</p>
</div></body></html>`;
  return {
    subject,
    text,
    html: body.value,
    headers: { 'List-Unsubscribe': `<${links.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

/** One email per subscribed user; the dedupe key keeps a retried publication from mailing twice. */
export async function queuePolicyDigestEmails(tx: Transaction, services: Services, d: PolicyDigestDetailView, now: Date): Promise<number> {
  const subs = await activeSubscriptionsOfKind(tx, POLICY_DIGEST_SUBSCRIPTION_KIND);
  if (subs.length === 0) return 0;
  const secret = await unsubscribeSecret(tx);
  const base = services.config.publicBaseUrl;
  const seen = new Set<string>();
  const rows = subs.flatMap((s) => {
    if (seen.has(s.userId)) return [];
    seen.add(s.userId);
    const rendered = renderPolicyDigestEmail(d, {
      page: `${base}/policy-digests/${d.id}`,
      docx: `${base}/api/v1/policy-digests/${d.id}/export.docx`,
      unsubscribe: unsubscribeUrl(base, s.subscriptionId, signUnsubscribe(secret, s.subscriptionId)),
    });
    return [
      {
        kind: DIGEST_EMAIL,
        dedupeKey: `policy_digest:${d.id}:${s.userId}`,
        availableAt: now,
        payload: { to: s.email, ...rendered } satisfies PrerenderedEmailPayload,
      },
    ];
  });
  return (await enqueueOutbox(tx, rows)).length;
}
