/**
 * 揭榜结果 on the portal (no login): /public/challenge-results lists the challenges whose award is
 * decided (awarded, in delivery) with their winners, then the completed ones; the same rows as
 * XLSX (/export.xlsx), DOCX (/download.docx) and an Atom feed (/public/challenge-results.atom).
 * A challenge in review or in 公示 is never listed: its proposals are on the 公示 pages.
 */
import {
  CHALLENGE_RESULTS_PATH,
  CHALLENGE_RESULTS_TITLE,
  challengeResultsAtom,
  challengeResultsDocx,
  challengeResultsXlsx,
  publicChallengeResults,
  type PublicChallengeResult,
} from '@scenebridge/app/awards';
import type { Services } from '@scenebridge/app/context';
import { html, type SafeHtml } from '@scenebridge/app/shared';
import { AWARD_STATE_LABELS } from '@scenebridge/contract/awards/labels';
import { CHALLENGE_MODE_LABELS, CHALLENGE_STATE_LABELS, formatReward } from '@scenebridge/contract/challenges/labels';
import { formatShanghai, type ChallengeState } from '@scenebridge/domain';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { heavyRateLimit } from '../http/rate-limits.js';
import { sendExport } from '../xlsx-download.js';
import { layout, siteBaseUrl } from './layout.js';

export interface ResultsSenders {
  sendHtml: (reply: FastifyReply, body: string, status?: number) => unknown;
  sendFile: (reply: FastifyReply, type: string, body: Buffer | string, fileName: string, asciiName: string) => unknown;
  sendFeed: (reply: FastifyReply, xml: string) => unknown;
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const winnersTable = (c: PublicChallengeResult): SafeHtml => html`<div class="table-wrap"><table>
<caption>中榜单位</caption>
<thead><tr><th>中榜单位</th><th>中榜金额</th><th>任务书编号</th><th>状态</th><th>中榜时间</th></tr></thead>
<tbody>${c.winners.map(
  (
    w,
  ) => html`<tr><td>${w.organizationName}${w.memberNames.length ? html`<br><small>联合体成员：${w.memberNames.join('、')}</small>` : ''}</td>
<td class="nowrap">${formatReward(w.amountFen)}</td><td class="nowrap">${w.agreementNo}</td>
<td>${AWARD_STATE_LABELS[w.status] ?? w.status}</td><td class="nowrap">${formatShanghai(new Date(w.awardedAt))}</td></tr>`,
)}</tbody>
</table></div>`;

const card = (c: PublicChallengeResult): SafeHtml => html`<li class="card" id="result-${c.id}">
<h3><a href="/public/challenges/${c.id}">${c.title}</a></h3>
<ul class="meta">
<li>发榜单位：${c.organizationName}</li>
<li>榜单金额：${formatReward(c.rewardFen)}</li>
<li>揭榜方式：${CHALLENGE_MODE_LABELS[c.mode]}</li>
<li>状态：${CHALLENGE_STATE_LABELS[c.status as ChallengeState] ?? c.status}</li>
</ul>
${winnersTable(c)}
</li>`;

const section = (title: string, items: readonly PublicChallengeResult[], empty: string): SafeHtml =>
  html`<h2>${title}（${items.length}）</h2>${items.length ? html`<ul class="plain">${items.map(card)}</ul>` : html`<p class="notice">${empty}</p>`}`;

export function challengeResultsPage(baseUrl: string, r: { awarded: PublicChallengeResult[]; completed: PublicChallengeResult[] }): string {
  const body = html`
<nav class="crumbs" aria-label="当前位置"><ol><li><a href="/public">首页</a></li><li><a href="/public/challenges">揭榜挂帅</a></li><li aria-current="page">揭榜结果</li></ol></nav>
<h1>${CHALLENGE_RESULTS_TITLE}</h1>
<p class="lead">中榜公示期满、无待处理异议后确定的中榜单位（时间为北京时间）。拟中榜单位的公示见<a href="/public/publicity">公示</a>。</p>
<ul class="links">
<li><a href="${CHALLENGE_RESULTS_PATH}/export.xlsx" download>下载 XLSX 表格</a></li>
<li><a href="${CHALLENGE_RESULTS_PATH}/download.docx" download>下载 DOCX 文档</a></li>
<li><a href="${CHALLENGE_RESULTS_PATH}.atom">订阅 Atom</a></li>
</ul>
${section('已中榜 · 实施中', r.awarded, '暂无已确定中榜单位的榜单。')}
${section('已完成', r.completed, '暂无已完成的榜单。')}`;
  return layout({
    title: '揭榜结果',
    description: `揭榜挂帅榜单的中榜单位：已中榜${r.awarded.length}个，已完成${r.completed.length}个。`,
    canonicalPath: CHALLENGE_RESULTS_PATH,
    body,
    baseUrl,
    nav: 'challenges',
    head: html`<link rel="alternate" type="application/atom+xml" title="揭榜结果" href="${CHALLENGE_RESULTS_PATH}.atom">`,
  });
}

/** Registered inside the portal's scope (its 404 and error pages apply); paths relative to /public. */
export function challengeResultsPortalRoutes(app: FastifyInstance, services: Services, send: ResultsSenders) {
  const path = CHALLENGE_RESULTS_PATH.replace(/^\/public/, '');
  app.get(path, async (request, reply) =>
    send.sendHtml(reply, challengeResultsPage(siteBaseUrl(request), await publicChallengeResults({ services }))),
  );
  const limited = { config: heavyRateLimit(services.config, 'search') };
  app.get(`${path}/export.xlsx`, limited, async (request, reply) =>
    sendExport(request, reply.header('x-content-type-options', 'nosniff'), await challengeResultsXlsx(services)),
  );
  app.get(`${path}/download.docx`, limited, async (_request, reply) =>
    send.sendFile(reply, DOCX_TYPE, await challengeResultsDocx(services), '揭榜挂帅_揭榜结果.docx', 'scenebridge-challenge-results.docx'),
  );
  app.get(`${path}.atom`, async (request, reply) => send.sendFeed(reply, await challengeResultsAtom(services, siteBaseUrl(request))));
}
