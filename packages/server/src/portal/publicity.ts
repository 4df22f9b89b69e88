/**
 * Public 公示 pages (no login, no script): /public/publicity lists running publicities and those
 * ended in the last 90 days, with the window ("距公示结束还有 N 个工作日", computed at render),
 * the items, how to object (sign in), and after the end the outcome. /public/publicity/:id shows
 * one. Objections appear as counts and outcomes per item — never who lodged them.
 */
import type { Services } from '@scenebridge/app/context';
import { getPublicity, listPublicPublicityPages } from '@scenebridge/app/publicity';
import { html, type SafeHtml } from '@scenebridge/app/shared';
import type { PublicityDetail } from '@scenebridge/contract/publicity';
import { PUBLICITY_STATUS_LABELS, PUBLICITY_SUBJECT_LABELS } from '@scenebridge/contract/publicity/labels';
import { formatShanghai, notFound } from '@scenebridge/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { layout, siteBaseUrl } from './layout.js';

type Send = (reply: FastifyReply, body: string, status?: number) => unknown;
type Publicity = Omit<PublicityDetail, 'subjectKind'> & { subjectKind: string };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const at = (iso: string) => html`<time datetime="${iso}">${formatShanghai(new Date(iso))}</time>`;
const crumbs = (label: string, parent = true) =>
  html`<nav class="crumbs" aria-label="当前位置"><ol><li><a href="/public">首页</a></li>${
    parent ? html`<li><a href="/public/publicity">公示</a></li>` : ''
  }<li aria-current="page">${label}</li></ol></nav>`;

function windowText(p: Publicity): SafeHtml {
  if (!p.startedAt || !p.endsAt) return html``;
  const span = html`公示期：${at(p.startedAt)} 至 ${p.lastDay ?? ''} 24:00（${p.workingDays}个工作日）`;
  if (p.status === 'running') {
    return html`${span}；<strong>${p.workingDaysLeft === null ? '公示进行中' : `距公示结束还有 ${p.workingDaysLeft} 个工作日`}</strong>`;
  }
  return span;
}

function outcome(p: Publicity): SafeHtml {
  const { pending, dismissed, upheld } = p.objections;
  const total = pending + dismissed + upheld;
  if (p.status === 'running') return html`<p>公示期间共收到异议 ${total} 件。</p>`;
  if (p.status === 'ended') return html`<p>公示期已满，共收到异议 ${total} 件，其中 ${pending} 件正在处理，处理完毕后公示结果生效。</p>`;
  const revoked = p.items.filter((i) => i.status === 'revoked').length;
  return html`<p><strong>公示结束</strong>：共收到异议 ${total} 件，成立 ${upheld} 件、不成立 ${dismissed} 件；${
    revoked ? `${revoked} 个条目因异议成立被撤销，` : ''
  }其余条目公示无异议。</p>`;
}

function itemsTable(p: Publicity): SafeHtml {
  return html`<div class="table-wrap"><table>
<thead><tr><th>序号</th><th>名称</th><th>单位</th><th>异议</th><th>状态</th></tr></thead>
<tbody>${p.items.map((i) => {
    const n = i.objections.pending + i.objections.dismissed + i.objections.upheld;
    const objections =
      n === 0 ? '无' : `异议 ${n} 件（待处理 ${i.objections.pending}，不成立 ${i.objections.dismissed}，成立 ${i.objections.upheld}）`;
    return html`<tr><td>${i.seq}</td><td>${i.name}</td><td>${i.organizationName}</td><td>${objections}</td><td>${
      i.status === 'revoked' ? html`<strong>已撤销</strong>（异议成立：${i.revokedReason ?? ''}）` : '有效'
    }</td></tr>`;
  })}</tbody>
</table></div>`;
}

const howToObject = (p: Publicity) =>
  p.status === 'running'
    ? html`<p class="notice">对公示内容有异议的单位，请在公示期内<a href="/login?next=${encodeURIComponent(`/publicity/${p.id}`)}">登录</a>平台，在本公示页面提出异议，写明异议条目、理由和证据，并留下联系方式。异议提出人信息仅运营方可见。公示期以服务器时间为准，截止后不再受理。</p>`
    : html``;

function card(p: Publicity, heading: 'h1' | 'h2'): SafeHtml {
  const title = heading === 'h1' ? html`<h1>${p.title}</h1>` : html`<h2><a href="/public/publicity/${p.id}">${p.title}</a></h2>`;
  return html`${title}
<ul class="meta">
<li>事项：${PUBLICITY_SUBJECT_LABELS[p.subjectKind] ?? p.subjectKind}</li>
<li>状态：${PUBLICITY_STATUS_LABELS[p.status] ?? p.status}</li>
<li>${windowText(p)}</li>
</ul>
${itemsTable(p)}
${outcome(p)}
${howToObject(p)}`;
}

export function publicityListPage(baseUrl: string, items: readonly Publicity[]): string {
  const running = items.filter((p) => p.status === 'running').length;
  const body = html`
${crumbs('公示', false)}
<h1>公示</h1>
<p class="lead">评审结果与拟立项名单在正式发布前公示，公示期按工作日计算（节假日不计）。目前${running}项正在公示。</p>
<ul class="links"><li><a href="/public/publicity/export.xlsx" download>下载 XLSX 表格</a></li><li><a href="/public/publicity/download.docx" download>下载 DOCX 文档</a></li><li><a href="/public/publicity.atom">订阅（Atom）</a></li></ul>
${
  items.length === 0
    ? html`<p class="notice">目前没有正在公示或近期结束的公示。</p>`
    : html`<ul class="plain">${items.map((p) => html`<li class="card" id="publicity-${p.id}">${card(p, 'h2')}</li>`)}</ul>`
}`;
  return layout({
    title: '公示',
    description: `正在公示与近期结束的公示，共${items.length}项，含公示期、公示条目与异议处理结果。`,
    canonicalPath: '/public/publicity',
    body,
    baseUrl,
    nav: 'publicity',
  });
}

export function publicityDetailPage(baseUrl: string, p: Publicity): string {
  return layout({
    title: p.title,
    description: `${p.title}：公示条目${p.items.length}个。`,
    canonicalPath: `/public/publicity/${p.id}`,
    body: html`${crumbs(p.title)}<div class="card">${card(p, 'h1')}</div>`,
    baseUrl,
    nav: 'publicity',
    ogType: 'article',
  });
}

/** Registered inside the portal's scope (its 404 and error pages apply). */
export function publicityPortalRoutes(app: FastifyInstance, services: Services, send: Send) {
  app.get('/publicity', async (request: FastifyRequest, reply) =>
    send(reply, publicityListPage(siteBaseUrl(request), await listPublicPublicityPages(services))),
  );
  app.get('/publicity/:id', async (request: FastifyRequest, reply) => {
    const id = (request.params as { id?: string }).id ?? '';
    // Malformed ids, drafts and cancelled publicities: the portal's 404 page.
    if (!UUID.test(id)) throw notFound('公示');
    return send(reply, publicityDetailPage(siteBaseUrl(request), await getPublicity({ services, actor: null, id: id.toLowerCase() })));
  });
}
