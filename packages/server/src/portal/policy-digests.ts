/**
 * Public 政策动态 pages: /public/policy-digests (the published issues, newest first) and
 * /public/policy-digests/:id (one issue laid out as the bulletin: number, publisher, date, table
 * of contents, one section per policy with its summary and key measures, 本期推荐研究方向).
 * Drafts are a 404 page. The files (DOCX, standalone HTML) are the API's exports.
 */
import type { Services } from '@scenebridge/app/context';
import { getPolicyDigest, listPolicyDigests, type PolicyDigestDetailView } from '@scenebridge/app/policy-hub';
import { html, type SafeHtml } from '@scenebridge/app/shared';
import { notFound } from '@scenebridge/domain';
import { chineseDateText, chineseListMarker } from '@scenebridge/domain/policies';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PAGE_SIZE, pageOf, UUID_RE } from './data.js';
import { layout, siteBaseUrl } from './layout.js';
import { pager } from './pages.js';

type Send = (reply: FastifyReply, body: string, status?: number) => unknown;
type DigestSummary = Awaited<ReturnType<typeof listPolicyDigests>>['items'][number];

const MASTHEAD = '政策动态';
const DIRECTIONS_HEADING = '本期推荐研究方向';
const day = (iso: string | null) => (iso ? chineseDateText(iso.slice(0, 10)) : '');

function crumbs(label: string, parent: boolean): SafeHtml {
  return html`<nav class="crumbs" aria-label="当前位置"><ol><li><a href="/public">首页</a></li>${
    parent ? html`<li><a href="/public/policy-digests">${MASTHEAD}</a></li>` : ''
  }<li aria-current="page">${label}</li></ol></nav>`;
}

const paragraphs = (text: string) =>
  text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((p) => html`<p>${p}</p>`);

export function digestListPage(baseUrl: string, d: { items: readonly DigestSummary[]; total: number; page: number }): string {
  const body = html`
${crumbs(MASTHEAD, false)}
<h1>${MASTHEAD}</h1>
<p class="lead">平台定期汇编的政策解读：每期摘要若干项政策的要点与关键措施，并推荐研究方向。</p>
${
  d.items.length
    ? html`<ul class="plain">${d.items.map(
        (i) => html`<li class="card">
<h2><a href="/public/policy-digests/${i.id}">${i.numberText ?? ''} ${i.title}</a></h2>
<ul class="meta"><li>发布日期：${day(i.publishedAt)}</li><li>收录政策 ${i.itemCount} 项</li></ul>
</li>`,
      )}</ul>`
    : html`<p class="notice">尚未发布政策动态。</p>`
}
${pager(d.total, d.page, (p) => `/public/policy-digests${p > 1 ? `?page=${p}` : ''}`)}`;
  return layout({
    title: d.page > 1 ? `${MASTHEAD} 第${d.page}页` : MASTHEAD,
    description: `已发布的政策动态共${d.total}期，含政策要点、关键措施与推荐研究方向。`,
    canonicalPath: `/public/policy-digests${d.page > 1 ? `?page=${d.page}` : ''}`,
    body,
    baseUrl,
    nav: 'policies',
  });
}

export function digestDetailPage(baseUrl: string, d: PolicyDigestDetailView): string {
  const sections = d.items.map((item, i) => ({ id: `s${i + 1}`, heading: `${chineseListMarker(i + 1)}${item.policy.title}`, item }));
  const directions = d.directions.length
    ? { id: `s${sections.length + 1}`, heading: `${chineseListMarker(sections.length + 1)}${DIRECTIONS_HEADING}` }
    : null;
  const body = html`
${crumbs(d.title, true)}
<h1>${d.title}</h1>
<ul class="meta"><li>${MASTHEAD} ${d.numberText ?? ''}</li><li>${d.publisher}</li><li>${chineseDateText(d.issuedOn)}</li></ul>
<ul class="links"><li><a href="/api/v1/policy-digests/${d.id}/export.docx" download>下载 DOCX 文档</a></li><li><a href="/api/v1/policy-digests/${d.id}/export.html">单页 HTML</a></li></ul>
${d.intro ? html`<div class="card"><h2>编者按</h2>${paragraphs(d.intro)}</div>` : ''}
<nav class="card" aria-labelledby="contents"><h2 id="contents">目录</h2><ol class="plain">${[
    ...sections,
    ...(directions ? [directions] : []),
  ].map((s) => html`<li><a href="#${s.id}">${s.heading}</a></li>`)}</ol></nav>
${sections.map(
  (s) => html`<section class="card" id="${s.id}" aria-labelledby="${s.id}-h">
<h2 id="${s.id}-h">${s.heading}</h2>
${paragraphs(s.item.summary)}
${
  s.item.measures.length
    ? html`<h3>关键措施</h3><ul>${s.item.measures.map((m) => html`<li><p class="desc">${m.text.trim()}</p></li>`)}</ul>`
    : ''
}
${s.item.policy.status === 'published' || s.item.policy.status === 'withdrawn' ? html`<p><a href="/public/policies/${s.item.policy.id}">查看政策全文与全部措施</a></p>` : ''}
</section>`,
)}
${
  directions
    ? html`<section class="card" id="${directions.id}" aria-labelledby="${directions.id}-h"><h2 id="${directions.id}-h">${directions.heading}</h2><ol>${d.directions.map(
        (r) => html`<li><strong>${r.title}</strong>${r.text ? html`<p>${r.text}</p>` : ''}</li>`,
      )}</ol></section>`
    : ''
}`;
  return layout({
    title: `${d.title}（${MASTHEAD}${d.numberText ?? ''}）`,
    description: `${MASTHEAD}${d.numberText ?? ''}：${d.items.map((i) => i.policy.title).join('；')}`,
    canonicalPath: `/public/policy-digests/${d.id}`,
    body,
    baseUrl,
    nav: 'policies',
    ogType: 'article',
  });
}

/** Registered inside the portal's scope (its 404 and error pages apply). */
export function policyDigestPortalRoutes(app: FastifyInstance, services: Services, send: Send) {
  app.get('/policy-digests', async (request: FastifyRequest, reply) => {
    const page = pageOf((request.query as Record<string, unknown>).page);
    const r = await listPolicyDigests({ services, actor: null, query: { page, pageSize: PAGE_SIZE } });
    return send(reply, digestListPage(siteBaseUrl(request), { items: r.items, total: r.total, page }));
  });
  app.get('/policy-digests/:id', async (request: FastifyRequest, reply) => {
    const id = (request.params as { id?: string }).id ?? '';
    // Malformed ids and drafts: the portal's 404 page (getPolicyDigest throws NOT_FOUND for a draft).
    if (!UUID_RE.test(id)) throw notFound('政策动态');
    return send(reply, digestDetailPage(siteBaseUrl(request), await getPolicyDigest({ services, actor: null, id: id.toLowerCase() })));
  });
}
