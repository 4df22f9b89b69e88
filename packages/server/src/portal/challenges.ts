/**
 * Public pages of 揭榜挂帅: /public/challenges (open challenges: reward, countdown to the deadline
 * computed at render — no script — and the eligibility in words) and /public/challenges/:id (a
 * challenge from open on; drafts and challenges under review of their text are a 404 page).
 */
import { getChallenge, presentChallenge, publicOpenChallenges } from '@scenebridge/app/challenges';
import type { Services } from '@scenebridge/app/context';
import { html, type SafeHtml } from '@scenebridge/app/shared';
import type { ChallengeWithOrg } from '@scenebridge/db';
import type { ChallengeDetail } from '@scenebridge/contract/challenges';
import {
  CHALLENGE_STATE_LABELS,
  deadlineCountdown,
  deliveryPeriodText,
  eligibilitySummary,
  formatReward,
  modeText,
  type EligibilityRulesView,
} from '@scenebridge/contract/challenges/labels';
import { formatShanghai, notFound, regionFullName, type ChallengeState } from '@scenebridge/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { layout, siteBaseUrl } from './layout.js';

type Send = (reply: FastifyReply, body: string, status?: number) => unknown;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const at = (d: Date) => html`<time datetime="${d.toISOString()}">${formatShanghai(d)}</time>`;
const crumbs = (label: string, parent = true) =>
  html`<nav class="crumbs" aria-label="当前位置"><ol><li><a href="/public">首页</a></li>${
    parent ? html`<li><a href="/public/challenges">揭榜挂帅</a></li>` : ''
  }<li aria-current="page">${label}</li></ol></nav>`;
const rules = (c: ChallengeWithOrg): SafeHtml =>
  html`<ul>${eligibilitySummary(c.eligibility as EligibilityRulesView, regionFullName).map((l) => html`<li>${l}</li>`)}</ul>`;

export function challengesListPage(baseUrl: string, items: readonly ChallengeWithOrg[], now: Date): string {
  const body = html`
${crumbs('揭榜挂帅', false)}
<h1>揭榜挂帅 · 正在揭榜的榜单</h1>
<p class="lead">需求单位张榜求解、能者揭榜。共${items.length}个榜单正在接受申报（截止时间为北京时间）。</p>
<ul class="links"><li><a href="/public/challenges/export.xlsx" download>下载 XLSX 表格</a></li><li><a href="/public/challenges/download.docx" download>下载 DOCX 文档</a></li><li><a href="/public/challenges.atom">订阅（Atom）</a></li></ul>
${
  items.length === 0
    ? html`<p class="notice">目前没有正在揭榜的榜单。</p>`
    : html`<ul class="plain">${items.map(
        (c) => html`<li class="card" id="challenge-${c.id}">
<h2><a href="/public/challenges/${c.id}">${c.title}</a></h2>
<ul class="meta">
<li>发榜单位：${c.organizationName}</li>
<li>榜单金额：<strong>${formatReward(c.rewardFen)}</strong></li>
<li>申报截止：${at(c.applicationDeadline)}</li>
<li><strong>${deadlineCountdown(c.applicationDeadline, now)}</strong></li>
</ul>
<h3>申报条件</h3>
${rules(c)}
</li>`,
      )}</ul>`
}`;
  return layout({
    title: '揭榜挂帅',
    description: `正在揭榜的人工智能应用场景榜单，共${items.length}个，含榜单金额、申报截止时间与申报条件。`,
    canonicalPath: '/public/challenges',
    body,
    baseUrl,
    nav: 'challenges',
  });
}

export function challengeDetailPage(baseUrl: string, c: ChallengeWithOrg, now: Date): string {
  // The columns as stored (validated on the way in), typed by the API's answer shape.
  const p = presentChallenge(c, null, now) as unknown as ChallengeDetail;
  const body = html`
${crumbs(c.title)}
<h1>${c.title}</h1>
<ul class="meta">
<li>发榜单位：${c.organizationName}</li>
<li>状态：${CHALLENGE_STATE_LABELS[c.status as ChallengeState] ?? c.status}</li>
<li>榜单金额：<strong>${formatReward(c.rewardFen)}</strong></li>
<li>申报截止：${at(c.applicationDeadline)}${c.status === 'open' ? html`（<strong>${deadlineCountdown(c.applicationDeadline, now)}</strong>）` : ''}</li>
</ul>
<div class="card">
<h2>需要解决的问题</h2>
<p class="desc">${c.problem}</p>
</div>
<div class="card">
<h2>考核指标</h2>
<div class="table-wrap"><table>
<thead><tr><th>指标</th><th>目标值</th><th>单位</th><th>测量方法</th></tr></thead>
<tbody>${p.indicators.map((i) => html`<tr><td>${i.name}</td><td>${i.target}</td><td>${i.unit}</td><td>${i.method}</td></tr>`)}</tbody>
</table></div>
</div>
<div class="card">
<h2>实施与支付</h2>
<dl class="fields">
<dt>实施周期</dt><dd>${deliveryPeriodText(p.deliveryPeriod)}</dd>
<dt>揭榜方式</dt><dd>${modeText(p.mode)}</dd>
</dl>
<div class="table-wrap"><table>
<caption>按里程碑支付</caption>
<thead><tr><th>里程碑</th><th>支付比例</th><th>交付物</th></tr></thead>
<tbody>${p.milestones.map((m) => html`<tr><td>${m.name}</td><td class="nowrap">${m.percent}%</td><td>${m.deliverables}</td></tr>`)}</tbody>
</table></div>
</div>
<div class="card">
<h2>申报条件</h2>
${rules(c)}
</div>
<div class="card">
<h2>评审办法</h2>
<ul>${p.reviewScheme.criteria.map((k) => html`<li>${k.name}（${k.weight}%）</li>`)}</ul>
</div>`;
  return layout({
    title: c.title,
    description: `${c.organizationName}发榜：${c.title}，榜单金额${formatReward(c.rewardFen)}。`,
    canonicalPath: `/public/challenges/${c.id}`,
    body,
    baseUrl,
    nav: 'challenges',
    ogType: 'article',
  });
}

/** Registered inside the portal's scope (its 404 and error pages apply). */
export function challengePortalRoutes(app: FastifyInstance, services: Services, send: Send) {
  app.get('/challenges', async (request: FastifyRequest, reply) =>
    send(reply, challengesListPage(siteBaseUrl(request), await publicOpenChallenges({ services }), services.now())),
  );
  app.get('/challenges/:id', async (request: FastifyRequest, reply) => {
    const id = (request.params as { id?: string }).id ?? '';
    // Malformed ids, drafts and other non-public challenges: the portal's 404 page (getChallenge throws NOT_FOUND).
    if (!UUID.test(id)) throw notFound('榜单');
    const c = await getChallenge({ services, actor: null, id: id.toLowerCase() });
    return send(reply, challengeDetailPage(siteBaseUrl(request), c, services.now()));
  });
}
