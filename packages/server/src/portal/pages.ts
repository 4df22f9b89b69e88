/** Page bodies of the public portal. Pure: rows in, HTML string out. */
import { REGIONS, regionFullName, SECTORS, sectorName, TECH_FIELDS, techFieldName } from '@scenebridge/domain';
import {
  callWindowText,
  CONTACT_VIA_PLATFORM,
  displayContact,
  displayErratum,
  formatChineseDate,
  LIST_TYPE_LABEL,
  MAX_PUBLIC_EXPORT_ROWS,
  type BatchEntryRow,
  type BatchRow,
  type PublishedListType,
} from '@scenebridge/app/publication';
import type { TextPart } from '@scenebridge/app/search';
import { correctedAt, filterQuery, PAGE_SIZE, toPublishedEntry, type ListFilters } from './data.js';
import { html, join, raw, type SafeHtml } from '@scenebridge/app/shared';
import { layout, SITE_FULL_NAME, type NavKey } from './layout.js';

export const LIST_PAGES: Record<PublishedListType, { path: string; title: string; nav: NavKey; noun: string }> = {
  scenario_need: { path: '/public/needs', title: '场景机会清单', nav: 'needs', noun: '场景需求' },
  capability: { path: '/public/capabilities', title: '场景能力清单', nav: 'capabilities', noun: '场景能力' },
};
const listPageOf = (listType: string) => LIST_PAGES[listType as PublishedListType] ?? LIST_PAGES.scenario_need;
const listLabel = (listType: string) => LIST_TYPE_LABEL[listType as PublishedListType] ?? listType;

const day = (d: Date) => formatChineseDate(d.toISOString());
const time = (d: Date) => html`<time datetime="${d.toISOString()}">${day(d)}</time>`;
const region = (code: string | null) => (code ? regionFullName(code) : '—');
const techs = (codes: readonly string[]) => (codes.length ? codes.map(techFieldName).join('、') : '—');
const selected = (on: boolean) => (on ? raw(' selected') : '');

export function budgetText(min: number | null, max: number | null): string | null {
  const n = (v: number) => `${Number(v.toFixed(2))}`;
  if (min != null && max != null) return min === max ? `${n(min)}万元` : `${n(min)}–${n(max)}万元`;
  if (max != null) return `不超过${n(max)}万元`;
  if (min != null) return `不低于${n(min)}万元`;
  return null;
}

export const batchUrls = (id: string) => ({
  page: `/public/batches/${id}`,
  xlsx: `/public/batches/${id}/download.xlsx`,
  docx: `/public/batches/${id}/download.docx`,
  ocds: `/public/batches/${id}/ocds.json`,
  api: `/api/v1/public/batches/${id}`,
});

function downloadLinks(id: string): SafeHtml {
  const u = batchUrls(id);
  return html`<ul class="links">
<li><a href="${u.xlsx}" download>下载 XLSX 表格</a></li>
<li><a href="${u.docx}" download>下载 DOCX 公告</a></li>
<li><a href="${u.ocds}">开放数据（OCDS JSON）</a></li>
</ul>`;
}

/** Page links that keep the filters; first, last and two either side of the current page. */
export function pager(total: number, page: number, hrefFor: (p: number) => string, pageSize = PAGE_SIZE): SafeHtml {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1 && page <= 1) return html``;
  const shown = [...new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2])]
    .filter((p) => p >= 1 && p <= pages)
    .sort((a, b) => a - b);
  const items: SafeHtml[] = [];
  if (page > 1) items.push(html`<li><a href="${hrefFor(Math.min(page - 1, pages))}" rel="prev">上一页</a></li>`);
  shown.forEach((p, i) => {
    if (i > 0 && p - shown[i - 1]! > 1) items.push(html`<li><span aria-hidden="true">…</span></li>`);
    items.push(
      p === page
        ? html`<li><a href="${hrefFor(p)}" aria-current="page" aria-label="第${p}页，当前页">${p}</a></li>`
        : html`<li><a href="${hrefFor(p)}" aria-label="第${p}页">${p}</a></li>`,
    );
  });
  if (page < pages) items.push(html`<li><a href="${hrefFor(page + 1)}" rel="next">下一页</a></li>`);
  return html`<nav class="pager" aria-label="分页"><ul>${items}</ul></nav>`;
}

function crumbs(parts: Array<{ href?: string; label: string }>): SafeHtml {
  return html`<nav class="crumbs" aria-label="当前位置"><ol>${parts.map((p, i) =>
    p.href && i < parts.length - 1 ? html`<li><a href="${p.href}">${p.label}</a></li>` : html`<li aria-current="page">${p.label}</li>`,
  )}</ol></nav>`;
}

// ---- Home --------------------------------------------------------------------------------------

export interface HomeData {
  batches: BatchRow[];
  totalBatches: number;
  needCount: number;
  capabilityCount: number;
  caseCount: number;
}

export function homePage(baseUrl: string, d: HomeData): string {
  const body = html`
<h1>人工智能应用场景公开清单</h1>
<p class="lead">场景机会清单、场景能力清单与标杆案例清单在此编号发布，面向社会公开，可在线浏览、按条件筛选，并下载表格与公告。</p>
<dl class="stats">
<div><dt>场景机会</dt><dd><a href="/public/needs">${d.needCount}<span class="muted"> 项</span></a></dd></div>
<div><dt>场景能力</dt><dd><a href="/public/capabilities">${d.capabilityCount}<span class="muted"> 项</span></a></dd></div>
<div><dt>标杆案例</dt><dd><a href="/public/benchmark-cases">${d.caseCount}<span class="muted"> 个</span></a></dd></div>
<div><dt>已发布批次</dt><dd><a href="/public/batches">${d.totalBatches}<span class="muted"> 批</span></a></dd></div>
</dl>
<h2>最新发布批次</h2>
${
  d.batches.length === 0
    ? html`<p class="notice">暂无已发布的批次。</p>`
    : html`<ul class="plain">${d.batches.map((b) => batchCard(b))}</ul>
<p><a href="/public/batches">查看全部发布批次</a> · <a href="/public/feed.atom">订阅新批次（Atom）</a></p>`
}
<h2>浏览清单</h2>
<ul class="links">
<li><a href="/public/needs">场景机会清单：各单位发布的人工智能应用场景需求</a></li>
<li><a href="/public/capabilities">场景能力清单：供给方的人工智能产品与解决方案</a></li>
<li><a href="/public/benchmark-cases">标杆案例清单：已验收、成效显著的应用案例</a></li>
</ul>`;
  return layout({
    title: SITE_FULL_NAME,
    description: `公开发布的人工智能场景机会清单（${d.needCount}项）、场景能力清单（${d.capabilityCount}项）与标杆案例清单，可筛选浏览并下载。`,
    canonicalPath: '/public',
    body,
    baseUrl,
    nav: 'home',
  });
}

function batchCard(b: BatchRow, headingLevel: 2 | 3 = 3): SafeHtml {
  const u = batchUrls(b.id);
  const heading =
    headingLevel === 2 ? html`<h2><a href="${u.page}">${b.title}</a></h2>` : html`<h3><a href="${u.page}">${b.title}</a></h3>`;
  return html`<li class="card">
${heading}
<ul class="meta">
<li>${listLabel(b.listType)}</li>
<li>发布单位：${b.issuer}</li>
<li>发布日期：${time(b.publishedAt)}</li>
<li>共${b.entryCount}项</li>
</ul>
${downloadLinks(b.id)}
</li>`;
}

// ---- All batches -------------------------------------------------------------------------------

export function batchesPage(baseUrl: string, d: { items: BatchRow[]; total: number; page: number }): string {
  const body = html`
${crumbs([{ href: '/public', label: '首页' }, { label: '发布批次' }])}
<h1>全部发布批次</h1>
<p class="lead">共${d.total}批，按发布时间由新到旧排列。<a href="/public/feed.atom">订阅新批次（Atom）</a></p>
${d.items.length === 0 ? html`<p class="notice">暂无已发布的批次。</p>` : html`<ul class="plain">${d.items.map((b) => batchCard(b, 2))}</ul>`}
${pager(d.total, d.page, (p) => `/public/batches${p > 1 ? `?page=${p}` : ''}`)}`;
  return layout({
    title: d.page > 1 ? `全部发布批次（第${d.page}页）` : '全部发布批次',
    description: `已发布的人工智能场景清单批次，共${d.total}批。`,
    canonicalPath: `/public/batches${d.page > 1 ? `?page=${d.page}` : ''}`,
    body,
    baseUrl,
    nav: 'batches',
  });
}

// ---- List pages --------------------------------------------------------------------------------

export interface ListData {
  listType: PublishedListType;
  filters: ListFilters;
  /** With a keyword: the name and a passage of the description with the query's words marked. */
  items: Array<{ entry: BatchEntryRow; batchTitle: string; name?: TextPart[]; snippet?: TextPart[] }>;
  total: number;
  /** Batches of this list type, for the 批次 select. */
  batches: BatchRow[];
  /** With a keyword: the search engine's counts, shown next to each choice of the selects. */
  facets?: PublicFacets;
  /** With a keyword: more entries matched than are ranked; the total is of the best of them. */
  capped?: boolean;
}

export type PublicFacets = Record<'sector' | 'techField' | 'region' | 'batch', Array<{ value: string; count: number }>>;

const marked = (parts: readonly TextPart[]) => parts.map((p) => (p.hit ? html`<mark>${p.text}</mark>` : html`${p.text}`));

export function listPage(baseUrl: string, d: ListData): string {
  const meta = LIST_PAGES[d.listType];
  const f = d.filters;
  const pages = Math.max(1, Math.ceil(d.total / PAGE_SIZE));
  const batchOptions = d.batches.map((b) => ({ id: b.id, title: b.title }));
  if (f.batchId && !batchOptions.some((b) => b.id === f.batchId)) batchOptions.push({ id: f.batchId, title: '（所选批次）' });
  const groups = REGIONS.filter((r) => !r.parent);
  const active = [
    f.sector && `所属领域：${sectorName(f.sector)}`,
    f.techField && `技术领域：${techFieldName(f.techField)}`,
    f.regionCode && `所在地区：${regionFullName(f.regionCode)}`,
    f.batchId && `批次：${batchOptions.find((b) => b.id === f.batchId)!.title}`,
    f.q && `关键词：${f.q}`,
  ].filter((x): x is string => !!x);
  const hasFilter = active.length > 0;
  // With a keyword each choice says how many results it keeps (the other filters applied).
  const facetCounts = d.facets
    ? (Object.fromEntries(Object.entries(d.facets).map(([k, values]) => [k, new Map(values.map((v) => [v.value, v.count]))])) as Record<
        keyof PublicFacets,
        Map<string, number>
      >)
    : undefined;
  const counted = (facet: keyof PublicFacets, value: string, label: string) =>
    facetCounts ? `${label}（${facetCounts[facet].get(value) ?? 0}）` : label;

  const form = html`<form class="card filters" method="get" action="${meta.path}" role="search" aria-label="筛选${meta.title}">
<div><label for="f-sector">所属领域</label><select id="f-sector" name="sector"><option value="">全部领域</option>${SECTORS.map((s) => html`<option value="${s.code}"${selected(s.code === f.sector)}>${counted('sector', s.code, s.name)}</option>`)}</select></div>
<div><label for="f-tech">技术领域</label><select id="f-tech" name="techField"><option value="">全部技术领域</option>${TECH_FIELDS.map((t) => html`<option value="${t.code}"${selected(t.code === f.techField)}>${counted('techField', t.code, t.name)}</option>`)}</select></div>
<div><label for="f-region">所在地区</label><select id="f-region" name="regionCode"><option value="">全部地区</option>${groups.map((g) => html`<optgroup label="${g.name}"><option value="${g.code}"${selected(g.code === f.regionCode)}>${counted('region', g.code, `${g.name}（市/省级）`)}</option>${REGIONS.filter((r) => r.parent === g.code).map((r) => html`<option value="${r.code}"${selected(r.code === f.regionCode)}>${counted('region', r.code, regionFullName(r.code))}</option>`)}</optgroup>`)}</select></div>
<div><label for="f-batch">批次</label><select id="f-batch" name="batchId"><option value="">全部批次</option>${batchOptions.map((b) => html`<option value="${b.id}"${selected(b.id === f.batchId)}>${counted('batch', b.id, b.title)}</option>`)}</select></div>
<div><label for="f-q">关键词</label><input id="f-q" type="search" name="q" value="${f.q ?? ''}" maxlength="100" placeholder="名称、单位或描述"></div>
<div class="actions"><button type="submit">筛选</button>${hasFilter ? html`<a href="${meta.path}">清除筛选</a>` : ''}</div>
</form>`;

  const rows = d.items.map(
    ({ entry: e, batchTitle, name, snippet }) => html`<tr>
<td class="num">${e.seq}</td>
<td><a href="/public/entries/${e.id}">${name ? marked(name) : e.name}</a>${e.version > 1 ? html`<span class="badge">已勘误</span>` : ''}${snippet?.length ? html`<p class="snippet">${marked(snippet)}</p>` : ''}</td>
<td>${e.issuer}</td>
<td>${sectorName(e.sector)}</td>
<td class="nowrap">${region(e.regionCode)}</td>
<td><a href="/public/batches/${e.batchId}">${batchTitle}</a></td>
</tr>`,
  );

  const results =
    d.items.length === 0
      ? html`<p class="notice">暂无符合条件的条目。${hasFilter ? html`<a href="${meta.path}">清除筛选</a>` : ''}</p>`
      : html`<div class="table-wrap" role="region" aria-labelledby="results-caption" tabindex="0">
<table>
<caption id="results-caption">${meta.title}（第${f.page}/${pages}页）</caption>
<thead><tr><th scope="col" class="num">序号</th><th scope="col">名称</th><th scope="col">发布单位</th><th scope="col">领域</th><th scope="col">地区</th><th scope="col">批次</th></tr></thead>
<tbody>${rows}</tbody>
</table>
</div>`;

  const title = `${meta.title}${hasFilter ? `（${active.map((a) => a.split('：')[1]).join('，')}）` : ''}${f.page > 1 ? ` 第${f.page}页` : ''}`;
  const body = html`
${crumbs([{ href: '/public', label: '首页' }, { label: meta.title }])}
<h1>${meta.title}</h1>
<p class="lead">已编号发布的${meta.noun}，序号为条目在其发布批次中的编号；点击名称查看详情与联系方式。</p>
${form}
<h2 id="results">检索结果</h2>
<p role="status">共 <strong>${d.total}</strong> 项${hasFilter ? html`符合条件（${active.join('；')}）` : ''}${d.total > 0 ? `，第 ${f.page} / ${pages} 页` : ''}。${d.capped ? '匹配条目较多，以上为最相关的部分，可增加筛选条件缩小范围。' : ''}</p>
${d.items.length ? exportLink(meta.path, f, d.total) : ''}
${results}
${pager(d.total, f.page, (p) => `${meta.path}${filterQuery({ ...f, page: p })}`)}`;
  return layout({
    title,
    description: `${meta.title}：已发布的人工智能${meta.noun}${hasFilter ? `（${active.join('；')}）` : ''}，共${d.total}项。`,
    canonicalPath: `${meta.path}${filterQuery(f)}`,
    body,
    baseUrl,
    nav: meta.nav,
  });
}

/** 导出 Excel of every page of the list as filtered (the page number is not part of the link). */
function exportLink(path: string, f: ListFilters, total: number): SafeHtml {
  if (total > MAX_PUBLIC_EXPORT_ROWS)
    return html`<p class="muted">符合条件的条目超过${MAX_PUBLIC_EXPORT_ROWS}项，请增加筛选条件后再导出 Excel。</p>`;
  return html`<p><a href="${path}/export.xlsx${filterQuery({ ...f, page: 1 })}" download>导出 Excel</a><span class="muted">（符合当前条件的全部${total}项，含各页）</span></p>`;
}

// ---- Entry -------------------------------------------------------------------------------------

export interface EntryData {
  entry: BatchEntryRow;
  batch: BatchRow;
  versions: BatchEntryRow[];
}

function versionDate(v: BatchEntryRow): Date {
  return v.version > 1 ? v.createdAt : v.publishedAt;
}

export function entryPage(baseUrl: string, d: EntryData): string {
  const e = d.entry;
  const meta = listPageOf(e.listType);
  const erratum = displayErratum(toPublishedEntry(e));
  const budget = budgetText(e.budgetMin, e.budgetMax);
  const earlier = d.versions.filter((v) => v.id !== e.id && v.version < e.version).sort((a, b) => b.version - a.version);
  const fixedAt = correctedAt(e);

  const body = html`
${crumbs([{ href: '/public', label: '首页' }, { href: meta.path, label: meta.title }, { label: e.name }])}
<h1>${e.name}${e.version > 1 ? html`<span class="badge">已勘误</span>` : ''}</h1>
${erratum ? html`<div class="erratum" role="note" aria-label="勘误说明"><strong>勘误：</strong>${e.erratum ?? '已更正'}（第${e.version}版${fixedAt ? html`，<time datetime="${fixedAt}">${formatChineseDate(fixedAt)}</time>更正` : ''}）${earlier.length ? html` <a href="#history">查看勘误记录</a>` : ''}</div>` : ''}
<section class="card" aria-labelledby="h-fields">
<h2 id="h-fields">条目信息</h2>
<dl class="fields">
<dt>序号</dt><dd>第${e.seq}项</dd>
<dt>名称</dt><dd>${e.name}</dd>
<dt>发布单位</dt><dd>${e.issuer}</dd>
<dt>所属领域</dt><dd>${sectorName(e.sector)}</dd>
<dt>技术领域</dt><dd>${techs(e.techFields)}</dd>
<dt>所在地区</dt><dd>${region(e.regionCode)}</dd>
${budget ? html`<dt>预算</dt><dd>${budget}</dd>` : ''}
${e.maturityTrl != null ? html`<dt>技术成熟度</dt><dd>TRL ${e.maturityTrl}（1–9级）</dd>` : ''}
<dt>联系方式</dt><dd>${e.contact ? displayContact(e.contact) : html`${CONTACT_VIA_PLATFORM}（<a href="/login">登录平台</a>后发起对接）`}</dd>
<dt>发布批次</dt><dd><a href="/public/batches/${d.batch.id}">${d.batch.title}</a></dd>
<dt>发布日期</dt><dd>${time(e.publishedAt)}</dd>
</dl>
</section>
<section class="card" aria-labelledby="h-desc">
<h2 id="h-desc">描述</h2>
<p class="desc">${e.description}</p>
</section>
${
  earlier.length
    ? html`<section class="card" id="history" aria-labelledby="h-history">
<h2 id="h-history">勘误记录</h2>
<p class="muted">已发布的条目不会被直接修改；以下为更正前的版本，现行版本为第${e.version}版。</p>
${earlier.map(
  (v) => html`<article>
<h3>第${v.version}版（${v.version > 1 ? '更正于' : '发布于'}${time(versionDate(v))}）</h3>
<dl class="fields">
<dt>名称</dt><dd>${v.name}</dd>
<dt>描述</dt><dd>${v.description}</dd>
<dt>联系方式</dt><dd>${displayContact(v.contact)}</dd>
${v.erratum ? html`<dt>勘误说明</dt><dd>${v.erratum}</dd>` : ''}
</dl>
</article>`,
)}
</section>`
    : ''
}
<p><a href="${meta.path}">返回${meta.title}</a></p>`;
  return layout({
    title: e.name,
    description: `${e.issuer}发布的${listLabel(e.listType)}条目（${d.batch.title}第${e.seq}项）：${e.description}`,
    canonicalPath: `/public/entries/${e.id}`,
    body,
    baseUrl,
    nav: meta.nav,
    ogType: 'article',
    head: html`<link rel="alternate" type="application/json" href="/api/v1/public/entries/${e.id}">`,
  });
}

// ---- Batch -------------------------------------------------------------------------------------

export interface BatchData {
  batch: BatchRow;
  /** closedAt: when the call actually closed (before closesAt if closed early), null if not recorded. */
  call: { title: string; opensAt: Date; closesAt: Date; closedAt?: Date | null };
  current: BatchEntryRow[];
  history: BatchEntryRow[];
}

export function batchPage(baseUrl: string, d: BatchData): string {
  const b = d.batch;
  const meta = listPageOf(b.listType);
  const corrected = d.current.filter((e) => e.version > 1);
  const rows = d.current.map(
    (e) => html`<tr>
<td class="num">${e.seq}</td>
<td><a href="/public/entries/${e.id}">${e.name}</a>${e.version > 1 ? html`<a class="badge" href="#erratum-${e.seq}">已勘误</a>` : ''}</td>
<td>${e.issuer}</td>
<td>${sectorName(e.sector)}</td>
<td class="nowrap">${region(e.regionCode)}</td>
<td>${displayContact(e.contact)}</td>
</tr>`,
  );
  const body = html`
${crumbs([{ href: '/public', label: '首页' }, { href: '/public/batches', label: '发布批次' }, { label: b.title }])}
<h1>${b.title}</h1>
<section class="card" aria-labelledby="h-cover">
<h2 id="h-cover">批次信息</h2>
<dl class="fields">
<dt>清单类型</dt><dd>${listLabel(b.listType)}</dd>
<dt>批次</dt><dd>${b.year}年第${b.number}批</dd>
<dt>发布单位</dt><dd>${b.issuer}</dd>
<dt>发布日期</dt><dd>${time(b.publishedAt)}</dd>
<dt>征集活动</dt><dd>${d.call.title}</dd>
<dt>征集时间</dt><dd>${callWindowText({
    callOpensAt: d.call.opensAt.toISOString(),
    callClosesAt: d.call.closesAt.toISOString(),
    callClosedAt: d.call.closedAt?.toISOString() ?? null,
  })}</dd>
<dt>条目数</dt><dd>共${d.current.length}项${corrected.length ? `，其中${corrected.length}项已勘误` : ''}</dd>
</dl>
<h3>下载与开放数据</h3>
${downloadLinks(b.id)}
</section>
<h2 id="h-entries">清单条目</h2>
${
  d.current.length === 0
    ? html`<p class="notice">本批次暂无条目。</p>`
    : html`<div class="table-wrap" role="region" aria-labelledby="entries-caption" tabindex="0">
<table>
<caption id="entries-caption">${b.title}（共${d.current.length}项）</caption>
<thead><tr><th scope="col" class="num">序号</th><th scope="col">名称</th><th scope="col">发布单位</th><th scope="col">所属领域</th><th scope="col">所在地区</th><th scope="col">联系方式</th></tr></thead>
<tbody>${rows}</tbody>
</table>
</div>`
}
${
  corrected.length
    ? html`<h2 id="h-errata">勘误记录</h2>
<ul class="plain">${corrected.map((e) => {
        const before = d.history.filter((h) => h.seq === e.seq).sort((a, b2) => a.version - b2.version);
        return html`<li class="card" id="erratum-${e.seq}">
<h3>第${e.seq}项 <a href="/public/entries/${e.id}">${e.name}</a></h3>
<p>${displayErratum(toPublishedEntry(e))}</p>
${
  before.length
    ? html`<p class="muted">更正前版本：${join(
        before.map((h) => `第${h.version}版“${h.name}”（${day(versionDate(h))}）`),
        '；',
      )}</p>`
    : ''
}
</li>`;
      })}</ul>`
    : ''
}
<p><a href="${meta.path}${filterQuery({ batchId: b.id })}">在${meta.title}中筛选本批次</a></p>`;
  return layout({
    title: b.title,
    description: `${b.issuer}于${day(b.publishedAt)}发布的${b.title}，共${d.current.length}项，可下载 XLSX 表格与 DOCX 公告。`,
    canonicalPath: `/public/batches/${b.id}`,
    body,
    baseUrl,
    nav: meta.nav,
    ogType: 'article',
    head: html`<link rel="alternate" type="application/json" href="${batchUrls(b.id).api}">`,
  });
}

// ---- Benchmark cases ---------------------------------------------------------------------------

export interface BenchmarkCaseRow {
  id: string;
  title: string;
  issuer: string;
  sector: string;
  resultsText: string;
  promotedAt: Date;
}

export function benchmarkPage(baseUrl: string, d: { items: BenchmarkCaseRow[]; total: number; page: number }): string {
  const body = html`
${crumbs([{ href: '/public', label: '首页' }, { label: '标杆案例清单' }])}
<h1>标杆案例清单</h1>
<p class="lead">已完成交付并通过验收、成效显著的人工智能应用场景，共${d.total}个。</p>
<p><a href="/public/benchmark-batches">按批次查看标杆案例清单（可下载 XLSX 表格与 DOCX 公告）</a></p>
${
  d.items.length === 0
    ? html`<p class="notice">暂无标杆案例。</p>`
    : html`<ul class="plain">${d.items.map(
        (c) => html`<li class="card" id="case-${c.id}">
<h2>${c.title}</h2>
<ul class="meta">
<li>发布单位：${c.issuer}</li>
<li>所属领域：${sectorName(c.sector)}</li>
<li>列入时间：${time(c.promotedAt)}</li>
</ul>
<p class="desc"><strong>应用成效：</strong>${c.resultsText}</p>
</li>`,
      )}</ul>`
}
${pager(d.total, d.page, (p) => `/public/benchmark-cases${p > 1 ? `?page=${p}` : ''}`)}`;
  return layout({
    title: d.page > 1 ? `标杆案例清单（第${d.page}页）` : '标杆案例清单',
    description: `人工智能应用场景标杆案例清单，共${d.total}个已验收、成效显著的案例。`,
    canonicalPath: `/public/benchmark-cases${d.page > 1 ? `?page=${d.page}` : ''}`,
    body,
    baseUrl,
    nav: 'benchmark',
  });
}

// ---- Errors ------------------------------------------------------------------------------------

export function notFoundPage(baseUrl: string, path: string, what = '页面'): string {
  const body = html`
<h1>未找到该${what}</h1>
<p>您访问的${what}不存在，或链接有误。已发布的条目与批次不会被删除；如果链接来自旧的公告，请从首页重新查找。</p>
<ul class="links"><li><a href="/public">返回首页</a></li><li><a href="/public/needs">场景机会清单</a></li><li><a href="/public/capabilities">场景能力清单</a></li></ul>`;
  return layout({
    title: `未找到该${what}`,
    description: `未找到该${what}。`,
    canonicalPath: path,
    body,
    baseUrl,
    head: html`<meta name="robots" content="noindex">`,
  });
}

/** A refusal the visitor can act on (e.g. an export too large): the message and the way back. */
export function noticePage(baseUrl: string, path: string, message: string): string {
  const back = Object.values(LIST_PAGES).find((l) => path.startsWith(`${l.path}/`));
  const body = html`
<h1>无法完成请求</h1>
<p class="notice">${message}</p>
<p>${back ? html`<a href="${back.path}">返回${back.title}</a> · ` : ''}<a href="/public">返回首页</a></p>`;
  return layout({
    title: '无法完成请求',
    description: message,
    canonicalPath: path,
    body,
    baseUrl,
    head: html`<meta name="robots" content="noindex">`,
  });
}

export function errorPage(baseUrl: string, path: string): string {
  const body = html`
<h1>服务暂时不可用</h1>
<p>页面加载失败，请稍后刷新重试。</p>
<p><a href="/public">返回首页</a></p>`;
  return layout({
    title: '服务暂时不可用',
    description: '服务暂时不可用，请稍后重试。',
    canonicalPath: path,
    body,
    baseUrl,
    head: html`<meta name="robots" content="noindex">`,
  });
}
