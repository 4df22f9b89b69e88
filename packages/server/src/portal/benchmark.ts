/**
 * 标杆案例清单 on the portal: /public/benchmark-batches (the numbered batches), a batch's page,
 * its XLSX and DOCX (the batch writers with the benchmark columns) and an Atom feed. Also the
 * downloads of two lists that are not batches: the open challenges (/public/challenges) and the
 * 公示 (/public/publicity), each as XLSX, DOCX and Atom. Only what is published is read: a
 * batch exists only once published, and the two lists read what their pages show.
 */
import type { Services } from '@scenebridge/app/context';
import {
  batchesToAtom,
  batchToDocx,
  batchToXlsx,
  benchmarkBatch,
  benchmarkBatches,
  displayErratum,
  formatChineseDate,
  openChallengesList,
  publicationFileName,
  publicityList,
  publicListExport,
  publicListToAtom,
  publicListToDocx,
  toBenchmarkDocument,
  toBenchmarkEntry,
  type BenchmarkBatchRow,
  type BenchmarkEntryRow,
  type PublicList,
} from '@scenebridge/app/publication';
import { html, type SafeHtml } from '@scenebridge/app/shared';
import { notFound, regionFullName, sectorName } from '@scenebridge/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { heavyRateLimit } from '../http/rate-limits.js';
import { sendExport } from '../xlsx-download.js';
import { PAGE_SIZE, pageOf, UUID_RE } from './data.js';
import { layout, siteBaseUrl } from './layout.js';

export interface PortalSenders {
  sendHtml: (reply: FastifyReply, body: string, status?: number) => unknown;
  /** A download with the portal's cache and safety headers. */
  sendFile: (reply: FastifyReply, type: string, body: Buffer | string, fileName: string, asciiName: string) => unknown;
  sendFeed: (reply: FastifyReply, xml: string) => unknown;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const FEED_SIZE = 20;
const LIST_PATH = '/public/benchmark-batches';

const day = (d: Date) => formatChineseDate(d.toISOString());
const time = (d: Date) => html`<time datetime="${d.toISOString()}">${day(d)}</time>`;
const crumbs = (label: string, parent = true) =>
  html`<nav class="crumbs" aria-label="当前位置"><ol><li><a href="/public">首页</a></li>${
    parent ? html`<li><a href="${LIST_PATH}">标杆案例清单</a></li>` : ''
  }<li aria-current="page">${label}</li></ol></nav>`;

const downloads = (id: string): SafeHtml => html`<ul class="links">
<li><a href="${LIST_PATH}/${id}/download.xlsx" download>下载 XLSX 表格</a></li>
<li><a href="${LIST_PATH}/${id}/download.docx" download>下载 DOCX 公告</a></li>
</ul>`;

export function benchmarkBatchesPage(baseUrl: string, d: { items: BenchmarkBatchRow[]; total: number; page: number }): string {
  const body = html`
${crumbs('标杆案例清单', false)}
<h1>标杆案例清单</h1>
<p class="lead">已完成交付并通过验收、成效显著的人工智能应用场景，按批次编号发布，共${d.total}批。<a href="${LIST_PATH}.atom">订阅（Atom）</a> · <a href="/public/benchmark-cases">按案例浏览</a></p>
${
  d.items.length === 0
    ? html`<p class="notice">暂无已发布的标杆案例清单。</p>`
    : html`<ul class="plain">${d.items.map(
        (b) => html`<li class="card" id="batch-${b.id}">
<h2><a href="${LIST_PATH}/${b.id}">${b.title}</a></h2>
<ul class="meta"><li>发布单位：${b.issuer}</li><li>发布日期：${time(b.publishedAt)}</li><li>共${b.entryCount}项</li></ul>
${downloads(b.id)}
</li>`,
      )}</ul>`
}`;
  return layout({
    title: d.page > 1 ? `标杆案例清单（第${d.page}页）` : '标杆案例清单',
    description: `人工智能应用场景标杆案例清单，共${d.total}批，可下载 XLSX 表格与 DOCX 公告。`,
    canonicalPath: `${LIST_PATH}${d.page > 1 ? `?page=${d.page}` : ''}`,
    body,
    baseUrl,
    nav: 'benchmark',
  });
}

export function benchmarkBatchPage(baseUrl: string, d: { batch: BenchmarkBatchRow; current: BenchmarkEntryRow[] }): string {
  const b = d.batch;
  const body = html`
${crumbs(b.title)}
<h1>${b.title}</h1>
<section class="card" aria-labelledby="h-cover">
<h2 id="h-cover">批次信息</h2>
<dl class="fields">
<dt>批次</dt><dd>${b.year}年第${b.number}批</dd>
<dt>发布单位</dt><dd>${b.issuer}</dd>
<dt>发布日期</dt><dd>${time(b.publishedAt)}</dd>
<dt>案例数</dt><dd>共${d.current.length}项</dd>
</dl>
<h3>下载</h3>
${downloads(b.id)}
</section>
<ul class="plain">${d.current.map((e) => {
    const erratum = displayErratum(toBenchmarkEntry(e));
    return html`<li class="card" id="case-${e.seq}">
<h2>${e.seq}. ${e.name}</h2>
<ul class="meta">
<li>发布单位：${e.issuer}</li>
${e.winner ? html`<li>揭榜（中标）单位：${e.winner}</li>` : ''}
<li>所属领域：${sectorName(e.sector)}</li>
<li>所在地区：${e.regionCode ? regionFullName(e.regionCode) : '—'}</li>
</ul>
<p class="desc"><strong>应用成效：</strong>${e.resultsText}</p>
${e.acceptanceReport ? html`<p class="desc"><strong>验收结论：</strong>${e.acceptanceReport}</p>` : ''}
${erratum ? html`<p class="notice">勘误：${erratum}</p>` : ''}
</li>`;
  })}</ul>`;
  return layout({
    title: b.title,
    description: `${b.issuer}于${day(b.publishedAt)}发布的${b.title}，共${d.current.length}项。`,
    canonicalPath: `${LIST_PATH}/${b.id}`,
    body,
    baseUrl,
    nav: 'benchmark',
    ogType: 'article',
  });
}

const asciiName = (b: { year: number; number: number }, ext: string) => `scenebridge-benchmark-${b.year}-${b.number}.${ext}`;

/** Registered inside the portal's scope (its 404 and error pages apply). */
export function benchmarkPortalRoutes(app: FastifyInstance, services: Services, send: PortalSenders) {
  const load = async (request: FastifyRequest) => {
    const id = (request.params as { id?: string }).id ?? '';
    if (!UUID_RE.test(id)) throw notFound('标杆案例清单');
    return benchmarkBatch({ services, id: id.toLowerCase() });
  };
  app.get('/benchmark-batches', async (request, reply) => {
    const page = pageOf((request.query as Record<string, unknown>).page);
    const r = await benchmarkBatches({ services, query: { page, pageSize: PAGE_SIZE } });
    return send.sendHtml(reply, benchmarkBatchesPage(siteBaseUrl(request), { ...r, page }));
  });
  app.get('/benchmark-batches/:id', async (request, reply) =>
    send.sendHtml(reply, benchmarkBatchPage(siteBaseUrl(request), await load(request))),
  );
  app.get('/benchmark-batches/:id/download.xlsx', async (request, reply) => {
    const r = await load(request);
    const doc = toBenchmarkDocument(r.batch, r.current);
    return send.sendFile(reply, XLSX_TYPE, await batchToXlsx(doc), publicationFileName(doc, 'xlsx'), asciiName(doc, 'xlsx'));
  });
  app.get('/benchmark-batches/:id/download.docx', async (request, reply) => {
    const r = await load(request);
    const doc = toBenchmarkDocument(r.batch, r.current);
    return send.sendFile(reply, DOCX_TYPE, await batchToDocx(doc), publicationFileName(doc, 'docx'), asciiName(doc, 'docx'));
  });
  app.get('/benchmark-batches.atom', async (request, reply) => {
    const base = siteBaseUrl(request);
    const latest = await benchmarkBatches({ services, query: { page: 1, pageSize: FEED_SIZE } });
    const docs = await Promise.all(
      latest.items.map(async (b) => toBenchmarkDocument(b, (await benchmarkBatch({ services, id: b.id })).current)),
    );
    return send.sendFeed(
      reply,
      batchesToAtom(docs, { baseUrl: base, feedTitle: '场景桥 · 人工智能场景标杆案例清单', listPath: LIST_PATH }),
    );
  });

  // The lists' downloads are built per request, like a list's 导出 Excel: the same per-address limit.
  const limited = { config: heavyRateLimit(services.config, 'search') };
  const listDownloads = (path: string, read: (s: Services) => Promise<PublicList>, ascii: string) => {
    app.get(`${path}/export.xlsx`, limited, async (request, reply) =>
      sendExport(request, reply.header('x-content-type-options', 'nosniff'), publicListExport(await read(services))),
    );
    app.get(`${path}/download.docx`, limited, async (_request, reply) => {
      const list = await read(services);
      return send.sendFile(reply, DOCX_TYPE, await publicListToDocx(list), `${list.title.replace(/\s*·\s*/g, '_')}.docx`, `${ascii}.docx`);
    });
    app.get(`${path}.atom`, async (request, reply) => send.sendFeed(reply, publicListToAtom(await read(services), siteBaseUrl(request))));
  };
  listDownloads('/challenges', openChallengesList, 'scenebridge-challenges');
  listDownloads('/publicity', publicityList, 'scenebridge-publicity');
}
