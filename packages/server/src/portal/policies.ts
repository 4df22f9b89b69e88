/**
 * The public policy library (政策库, docs/policies.md): /public/policies lists the published
 * policies (keyword over title, 文号 and issuer; issuer; region; valid only; 即将到期 within 30
 * days as its own tab), /public/policies/:id shows one with its measures nested along the text's
 * numbering and their quantitative terms marked, /public/policies/search searches the measures.
 * Drafts are a 404 page; a withdrawn policy stays readable under a banner with the reason.
 */
import type { Services } from '@scenebridge/app/context';
import {
  getPolicy,
  listPolicies,
  measureTexts,
  MEASURE_SEARCH_LIMIT,
  searchPolicyMeasures,
  type MeasureHit,
} from '@scenebridge/app/policy-hub';
import type { TextPart } from '@scenebridge/app/search';
import { html, type SafeHtml } from '@scenebridge/app/shared';
import { notFound, REGIONS, regionFullName, shanghaiDate } from '@scenebridge/domain';
import {
  isPolicySupportType,
  POLICY_SUPPORT_TYPE_LABELS,
  POLICY_SUPPORT_TYPES,
  type PolicySupportType,
} from '@scenebridge/domain/policies';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PAGE_SIZE, pageOf, UUID_RE } from './data.js';
import { layout, siteBaseUrl } from './layout.js';
import { pager } from './pages.js';

type Send = (reply: FastifyReply, body: string, status?: number) => unknown;
type PolicyDetail = Awaited<ReturnType<typeof getPolicy>>;
type PolicySummary = Awaited<ReturnType<typeof listPolicies>>['items'][number];
type Measure = PolicyDetail['measures'][number];

/** 即将到期: published, valid today, ending within this many days. */
export const EXPIRING_DAYS = 30;
/** The SPA (served at the site root, base '/') has the calculator; it asks visitors to sign in. */
const appPolicyPath = (id: string) => `/policies/${id}`;

export interface PolicyFilters {
  q?: string;
  issuer?: string;
  supportType?: PolicySupportType;
  beneficiary?: string;
  regionCode?: string;
  valid: boolean;
  expiring: boolean;
  page: number;
}

const REGION_SET = new Set(REGIONS.map((r) => r.code));
const one = (v: unknown) => {
  const s = (Array.isArray(v) ? v[0] : v) as unknown;
  return typeof s === 'string' && s.trim() ? s.trim().slice(0, 100) : undefined;
};

/** Lenient: a value the library does not know is dropped, not an error page. */
export function parsePolicyFilters(query: Record<string, unknown>): PolicyFilters {
  const region = one(query.regionCode);
  return {
    q: one(query.q),
    issuer: one(query.issuer),
    supportType: isPolicySupportType(one(query.supportType)) ? (one(query.supportType) as PolicySupportType) : undefined,
    beneficiary: one(query.beneficiary)?.slice(0, 50),
    regionCode: region && REGION_SET.has(region) ? region : undefined,
    valid: one(query.valid) === 'true',
    expiring: one(query.tab) === 'expiring',
    page: pageOf(query.page),
  };
}

export function policyFilterQuery(f: Partial<PolicyFilters>): string {
  const p = new URLSearchParams();
  if (f.expiring) p.set('tab', 'expiring');
  if (f.q) p.set('q', f.q);
  if (f.issuer) p.set('issuer', f.issuer);
  if (f.supportType) p.set('supportType', f.supportType);
  if (f.beneficiary) p.set('beneficiary', f.beneficiary);
  if (f.regionCode) p.set('regionCode', f.regionCode);
  if (f.valid && !f.expiring) p.set('valid', 'true');
  if (f.page && f.page > 1) p.set('page', String(f.page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

const ymd = (d: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : d;
};
const dateHtml = (d: string | null) => (d ? html`<time datetime="${d}">${ymd(d)}</time>` : '—');

export function validityText(p: { validFrom: string | null; validUntil: string | null }, today: string): string {
  if (!p.validUntil) return p.validFrom ? `自${ymd(p.validFrom)}起有效` : '未标明有效期';
  if (p.validUntil < today) return `已失效（有效期至${ymd(p.validUntil)}）`;
  return `${p.validFrom ? `${ymd(p.validFrom)}至` : '有效期至'}${ymd(p.validUntil)}`;
}

function crumbs(label: string, parent: boolean): SafeHtml {
  return html`<nav class="crumbs" aria-label="当前位置"><ol><li><a href="/public">首页</a></li>${
    parent ? html`<li><a href="/public/policies">政策库</a></li>` : ''
  }<li aria-current="page">${label}</li></ol></nav>`;
}

const marked = (parts: readonly TextPart[]) => parts.map((p) => (p.hit ? html`<mark>${p.text}</mark>` : html`${p.text}`));

/** [start, end) of the source with each span in it wrapped in <mark>; overlapping spans keep the first. */
export function markSpans(source: string, start: number, end: number, spans: ReadonlyArray<{ start: number; end: number }>): SafeHtml[] {
  const out: SafeHtml[] = [];
  let at = start;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const from = Math.max(s.start, at);
    const to = Math.min(s.end, end);
    if (s.start < at || from >= to) continue;
    out.push(html`${source.slice(at, from)}<mark>${source.slice(from, to)}</mark>`);
    at = to;
  }
  out.push(html`${source.slice(at, end)}`);
  return out;
}

// ---- List ----------------------------------------------------------------------------------------

function tabs(f: PolicyFilters): SafeHtml {
  const tab = (expiring: boolean, label: string) =>
    html`<li><a href="/public/policies${policyFilterQuery({ ...f, expiring, page: 1 })}"${
      f.expiring === expiring ? html` aria-current="page"` : ''
    }>${label}</a></li>`;
  return html`<nav aria-label="政策范围"><ul class="links">${tab(false, '全部政策')}${tab(true, `即将到期（${EXPIRING_DAYS}天内）`)}</ul></nav>`;
}

function filterForm(f: PolicyFilters): SafeHtml {
  const groups = REGIONS.filter((r) => !r.parent);
  const option = (code: string, label: string) =>
    html`<option value="${code}"${code === f.regionCode ? html` selected` : ''}>${label}</option>`;
  return html`<form class="card filters" method="get" action="/public/policies" role="search" aria-label="筛选政策">
${f.expiring ? html`<input type="hidden" name="tab" value="expiring">` : ''}
<div><label for="p-q">关键词</label><input id="p-q" type="search" name="q" value="${f.q ?? ''}" maxlength="100" placeholder="标题、文号或发文单位"></div>
<div><label for="p-issuer">发文单位</label><input id="p-issuer" type="search" name="issuer" value="${f.issuer ?? ''}" maxlength="100"></div>
<div><label for="p-support">支持方式</label><select id="p-support" name="supportType"><option value="">全部方式</option>${POLICY_SUPPORT_TYPES.map(
    (t) => html`<option value="${t}"${t === f.supportType ? html` selected` : ''}>${POLICY_SUPPORT_TYPE_LABELS[t]}</option>`,
  )}</select></div>
<div><label for="p-beneficiary">受益对象</label><input id="p-beneficiary" type="search" name="beneficiary" value="${f.beneficiary ?? ''}" maxlength="50" placeholder="如科技型中小企业"></div>
<div><label for="p-region">地区</label><select id="p-region" name="regionCode"><option value="">全部地区</option>${groups.map(
    (g) =>
      html`<optgroup label="${g.name}">${option(g.code, `${g.name}（市/省级）`)}${REGIONS.filter((r) => r.parent === g.code).map((r) =>
        option(r.code, regionFullName(r.code)),
      )}</optgroup>`,
  )}</select></div>
${f.expiring ? '' : html`<div><label><input type="checkbox" name="valid" value="true"${f.valid ? html` checked` : ''}> 仅看有效政策</label></div>`}
<div class="actions"><button type="submit">筛选</button><a href="/public/policies${f.expiring ? '?tab=expiring' : ''}">清除筛选</a></div>
</form>`;
}

function policyRow(p: PolicySummary, today: string): SafeHtml {
  return html`<tr>
<td><a href="/public/policies/${p.id}">${p.title}</a></td>
<td>${p.documentNumber ?? '—'}</td>
<td>${p.issuer ?? '—'}</td>
<td class="nowrap">${dateHtml(p.issuedOn)}</td>
<td>${validityText(p, today)}</td>
</tr>`;
}

export interface PolicyListData {
  filters: PolicyFilters;
  items: readonly PolicySummary[];
  total: number;
  today: string;
}

export function policyListPage(baseUrl: string, d: PolicyListData): string {
  const f = d.filters;
  const pages = Math.max(1, Math.ceil(d.total / PAGE_SIZE));
  const heading = f.expiring ? `即将到期的政策（${EXPIRING_DAYS}天内）` : '政策库';
  const results = d.items.length
    ? html`<div class="table-wrap" role="region" aria-labelledby="policies-caption" tabindex="0"><table>
<caption id="policies-caption">${heading}（第${f.page}/${pages}页）</caption>
<thead><tr><th scope="col">标题</th><th scope="col">文号</th><th scope="col">发文单位</th><th scope="col">发布日期</th><th scope="col">有效期</th></tr></thead>
<tbody>${d.items.map((p) => policyRow(p, d.today))}</tbody>
</table></div>`
    : html`<p class="notice">${f.expiring ? `${EXPIRING_DAYS}天内没有到期的有效政策。` : '暂无符合条件的政策。'}</p>`;
  const body = html`
${crumbs('政策库', false)}
<h1>${heading}</h1>
<p class="lead">已发布的政策文件，按原文编号列出各项措施及其量化条款。<a href="/public/policies/search">检索政策措施</a> · <a href="/public/policy-digests">政策动态</a></p>
${tabs(f)}
${filterForm(f)}
<h2 id="results">政策列表</h2>
<p role="status">共 <strong>${d.total}</strong> 项${d.total > 0 ? `，第 ${f.page} / ${pages} 页` : ''}。</p>
${results}
${pager(d.total, f.page, (p) => `/public/policies${policyFilterQuery({ ...f, page: p })}`)}`;
  return layout({
    title: f.page > 1 ? `${heading} 第${f.page}页` : heading,
    description: `${heading}：已发布的政策文件共${d.total}项，含文号、发文单位、发布日期与有效期。`,
    canonicalPath: `/public/policies${policyFilterQuery(f)}`,
    body,
    baseUrl,
    nav: 'policies',
  });
}

// ---- Detail --------------------------------------------------------------------------------------

function fieldList(label: string, items: ReadonlyArray<{ text: string }>): SafeHtml | '' {
  if (!items.length) return '';
  return html`<dt>${label}</dt><dd><ul>${items.map((i) => html`<li>${i.text}</li>`)}</ul></dd>`;
}

function measureItem(p: PolicyDetail, m: Measure, text: ReturnType<typeof measureTexts>[number], children: SafeHtml[]): SafeHtml {
  const units = fieldList('责任单位', m.responsibleUnits);
  const beneficiaries = fieldList('受益对象', m.beneficiaries);
  const spans = m.terms.map((t) => t.span);
  return html`<li id="measure-${m.path}">
<p><strong>${m.marker}${
    text.headingLeads ? markSpans(p.sourceText, text.headingStart, text.headingStart + m.heading!.length, spans) : ''
  }</strong>${text.headingLeads ? ' ' : ''}${markSpans(p.sourceText, text.bodyStart, text.own.end, spans)}</p>
${units || beneficiaries ? html`<dl class="fields">${units}${beneficiaries}</dl>` : ''}
${m.calculator?.status === 'confirmed' ? html`<p class="notice"><a href="${appPolicyPath(p.id)}">可在登录后使用测算器</a>，按本条措施估算可获支持金额。</p>` : ''}
${children.length ? html`<ol class="measures">${children}</ol>` : ''}
</li>`;
}

/** The measures as a nested list along their paths ('2', '2.3', '2.3.1'). */
function measureTree(p: PolicyDetail): SafeHtml {
  const texts = measureTexts(
    p.sourceText,
    p.measures.map((m) => ({ path: m.path, marker: m.marker, heading: m.heading, spanStart: m.span.start, spanEnd: m.span.end })),
  );
  const index = new Map(p.measures.map((m, i) => [m.path, i]));
  const childrenOf = new Map<string | null, Measure[]>();
  for (const m of p.measures) {
    const parent = m.parentPath && index.has(m.parentPath) ? m.parentPath : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), m]);
  }
  const render = (m: Measure): SafeHtml => measureItem(p, m, texts[index.get(m.path)!]!, (childrenOf.get(m.path) ?? []).map(render));
  return html`<ol class="measures">${(childrenOf.get(null) ?? []).map(render)}</ol>`;
}

export function policyDetailPage(baseUrl: string, p: PolicyDetail, today: string): string {
  const body = html`
${crumbs(p.title, true)}
<h1>${p.title}</h1>
${
  p.status === 'withdrawn'
    ? html`<div class="erratum" role="note"><strong>已撤回</strong>：本政策已由平台撤回，以下内容仅供查阅。${p.statusReason ? html`撤回原因：${p.statusReason}` : ''}</div>`
    : ''
}
<div class="card">
<h2>基本信息</h2>
<dl class="fields">
<dt>发文单位</dt><dd>${p.issuer ?? '—'}</dd>
<dt>文号</dt><dd>${p.documentNumber ?? '—'}</dd>
<dt>发布日期</dt><dd>${dateHtml(p.issuedOn)}</dd>
<dt>有效期</dt><dd>${validityText(p, today)}${p.validityPhrase ? html`（原文：${p.validityPhrase}）` : ''}</dd>
</dl>
</div>
<h2>政策措施（${p.measures.length}项）</h2>
<p class="muted">措施按原文编号排列，标出的为金额、比例、期限等量化条款。</p>
${p.measures.length ? measureTree(p) : html`<p class="notice">本政策未识别出分项措施。</p>`}`;
  return layout({
    title: p.title,
    description: `${p.issuer ?? ''}${p.title}${p.documentNumber ? `（${p.documentNumber}）` : ''}：政策措施${p.measures.length}项。`,
    canonicalPath: `/public/policies/${p.id}`,
    body,
    baseUrl,
    nav: 'policies',
    ogType: 'article',
  });
}

// ---- Measure search ------------------------------------------------------------------------------

export interface MeasureSearchData {
  q: string;
  page: number;
  items: readonly MeasureHit[];
  total: number;
}

export function measureSearchPage(baseUrl: string, d: MeasureSearchData): string {
  const pages = Math.max(1, Math.ceil(d.total / PAGE_SIZE));
  const hits = d.items.map(
    (h) => html`<li class="card">
<h2><a href="/public/policies/${h.policy.id}#measure-${h.measure.path}">${h.measure.marker}${h.measure.heading ?? ''}</a></h2>
<p class="muted">出自：${h.policy.title}</p>
<p class="snippet">${marked(h.snippet)}</p>
</li>`,
  );
  const results = !d.q
    ? ''
    : d.items.length
      ? html`<ul class="plain">${hits}</ul>`
      : html`<p class="notice">没有找到与“${d.q}”相关的政策措施。</p>`;
  const body = html`
${crumbs('政策措施检索', true)}
<h1>政策措施检索</h1>
<p class="lead">在已发布政策的各项措施中检索（支持中文分词与同义词），结果按相关度排列。</p>
<form class="card filters" method="get" action="/public/policies/search" role="search" aria-label="检索政策措施">
<div><label for="m-q">检索词</label><input id="m-q" type="search" name="q" value="${d.q}" maxlength="100" placeholder="如：研发投入、人才引进"></div>
<div class="actions"><button type="submit">检索</button></div>
</form>
${d.q ? html`<p role="status">共 <strong>${d.total}</strong> 条措施${d.total >= MEASURE_SEARCH_LIMIT ? '（仅列出最相关的部分）' : ''}${d.total > 0 ? `，第 ${d.page} / ${pages} 页` : ''}。</p>` : ''}
${results}
${d.q ? pager(d.total, d.page, (p) => `/public/policies/search?${new URLSearchParams({ q: d.q, ...(p > 1 ? { page: String(p) } : {}) }).toString()}`) : ''}`;
  return layout({
    title: d.q ? `政策措施检索：${d.q}` : '政策措施检索',
    description: '在已发布政策的措施中检索，支持中文分词与同义词。',
    canonicalPath: `/public/policies/search${d.q ? `?q=${encodeURIComponent(d.q)}` : ''}`,
    body,
    baseUrl,
    nav: 'policies',
  });
}

// ---- Routes --------------------------------------------------------------------------------------

/** Registered inside the portal's scope (its 404 and error pages apply). */
export function policyPortalRoutes(app: FastifyInstance, services: Services, send: Send) {
  app.get('/policies', async (request: FastifyRequest, reply) => {
    const f = parsePolicyFilters(request.query as Record<string, unknown>);
    const r = await listPolicies({
      services,
      actor: null,
      query: {
        q: f.q,
        issuer: f.issuer,
        regionCode: f.regionCode,
        supportType: f.supportType,
        beneficiary: f.beneficiary,
        valid: f.valid ? 'true' : undefined,
        expiringWithinDays: f.expiring ? EXPIRING_DAYS : undefined,
        page: f.page,
        pageSize: PAGE_SIZE,
      },
    });
    const today = shanghaiDate(services.now());
    return send(reply, policyListPage(siteBaseUrl(request), { filters: f, items: r.items, total: r.total, today }));
  });
  app.get('/policies/search', async (request: FastifyRequest, reply) => {
    const query = request.query as Record<string, unknown>;
    const q = one(query.q) ?? '';
    const page = pageOf(query.page);
    const r = q ? await searchPolicyMeasures({ services, query: { q, page, pageSize: PAGE_SIZE } }) : { items: [], total: 0 };
    return send(reply, measureSearchPage(siteBaseUrl(request), { q, page, items: r.items, total: r.total }));
  });
  app.get('/policies/:id', async (request: FastifyRequest, reply) => {
    const id = (request.params as { id?: string }).id ?? '';
    // Malformed ids and drafts: the portal's 404 page (getPolicy throws NOT_FOUND for a draft).
    if (!UUID_RE.test(id)) throw notFound('政策');
    const p = await getPolicy({ services, actor: null, id: id.toLowerCase() });
    return send(reply, policyDetailPage(siteBaseUrl(request), p, shanghaiDate(services.now())));
  });
}
