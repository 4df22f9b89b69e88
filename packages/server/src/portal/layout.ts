/** The page frame of the public portal: head (title, description, Open Graph), header, main, footer. */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { html, raw, type SafeHtml } from '@scenebridge/app/shared';

export const SITE_NAME = '场景桥';
export const SITE_FULL_NAME = '场景桥 · 人工智能应用场景创新服务平台';

/**
 * Public site root without a trailing slash: PUBLIC_BASE_URL when set (production, behind a
 * proxy or CDN), otherwise the request's own scheme and host.
 */
export function siteBaseUrl(request: FastifyRequest, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.PUBLIC_BASE_URL?.trim();
  if (configured) return configured.replace(/\/+$/, '');
  return `${request.protocol}://${request.host || 'localhost'}`;
}

export type NavKey = 'home' | 'needs' | 'capabilities' | 'benchmark' | 'batches' | 'challenges' | 'publicity' | 'policies' | null;

const NAV: ReadonlyArray<{ key: Exclude<NavKey, null>; href: string; label: string }> = [
  { key: 'home', href: '/public', label: '首页' },
  { key: 'needs', href: '/public/needs', label: '场景机会清单' },
  { key: 'capabilities', href: '/public/capabilities', label: '场景能力清单' },
  { key: 'benchmark', href: '/public/benchmark-cases', label: '标杆案例' },
  { key: 'challenges', href: '/public/challenges', label: '揭榜挂帅' },
  { key: 'publicity', href: '/public/publicity', label: '公示' },
  { key: 'policies', href: '/public/policies', label: '政策库' },
];

export const CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;font-size:16px;line-height:1.7;color:#1b1f24;background:#f5f7fa}
a{color:#0a4fb4;text-underline-offset:2px}
a:hover{color:#06367d}
:focus-visible{outline:3px solid #b45309;outline-offset:2px}
.skip{position:absolute;left:8px;top:-60px;z-index:10;padding:8px 14px;background:#fff;color:#0a4fb4;border:2px solid #0a4fb4;border-radius:4px}
.skip:focus{top:8px}
.wrap{max-width:1120px;margin:0 auto;padding:0 16px}
header.site{background:#0b3a82;color:#fff}
header.site .wrap{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:8px 24px;padding-top:10px;padding-bottom:10px}
.brand{color:#fff;text-decoration:none;font-weight:700;font-size:1.15rem}
.brand span{font-weight:400;font-size:.9rem;margin-left:.5em}
header.site nav ul{display:flex;flex-wrap:wrap;gap:4px;list-style:none;margin:0;padding:0}
header.site nav a{display:block;padding:6px 10px;color:#fff;text-decoration:none;border-radius:4px}
header.site nav a:hover{background:#1d4f9c;color:#fff}
header.site nav a[aria-current="page"]{background:#fff;color:#0b3a82;font-weight:700}
header.site :focus-visible{outline-color:#fde68a}
main{display:block;padding:24px 0 40px}
h1{font-size:1.6rem;line-height:1.35;margin:.2em 0 .6em}
h2{font-size:1.25rem;line-height:1.4;margin:1.6em 0 .6em}
h3{font-size:1.05rem;line-height:1.4;margin:1em 0 .3em}
.card>h2:first-child,.card>h3:first-child{margin-top:0}
ul.plain>li>h2:first-child{margin-top:0}
.lead{color:#3d4752;margin-top:0}
.muted{color:#4a5561}
.card{background:#fff;border:1px solid #d5dbe3;border-radius:8px;padding:16px 18px;margin:0 0 14px}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:0 0 8px;padding:0}
.stats div{background:#fff;border:1px solid #d5dbe3;border-radius:8px;padding:12px 16px}
.stats dt{color:#4a5561;font-size:.9rem}
.stats dd{margin:0;font-size:1.5rem;font-weight:700}
.stats dd a{text-decoration:none}
ul.plain{list-style:none;margin:0;padding:0}
.links{display:flex;flex-wrap:wrap;gap:6px 16px;margin:.4em 0 0;padding:0;list-style:none}
.meta{display:flex;flex-wrap:wrap;gap:2px 18px;margin:0;padding:0;list-style:none;color:#3d4752;font-size:.95rem}
dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:6px 18px;margin:0}
dl.fields dt{font-weight:700;color:#2c3540}
dl.fields dd{margin:0;white-space:pre-line;overflow-wrap:anywhere}
form.filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:10px 14px;align-items:end}
form.filters label{display:block;font-weight:600;font-size:.92rem;margin-bottom:2px}
select,input[type="search"]{width:100%;padding:7px 8px;font:inherit;color:#1b1f24;background:#fff;border:1px solid #6b7682;border-radius:4px}
.actions{display:flex;gap:12px;align-items:center}
button{font:inherit;padding:7px 18px;color:#fff;background:#0a4fb4;border:1px solid #0a4fb4;border-radius:4px;cursor:pointer}
button:hover{background:#06367d}
.table-wrap{overflow-x:auto;background:#fff;border:1px solid #d5dbe3;border-radius:8px}
table{border-collapse:collapse;width:100%;min-width:720px}
caption{text-align:left;padding:10px 12px;font-weight:600}
th,td{padding:9px 12px;border-top:1px solid #e3e8ee;text-align:left;vertical-align:top}
th{background:#eef2f7;font-weight:700;white-space:nowrap}
td.num,th.num{text-align:center;width:4em}
td.nowrap{white-space:nowrap}
.badge{display:inline-block;margin-left:6px;padding:0 6px;font-size:.8rem;line-height:1.6;color:#8a1c1c;background:#fdecec;border:1px solid #e3a5a5;border-radius:3px;white-space:nowrap}
.erratum{border-left:4px solid #b42318;background:#fff4f2;padding:10px 14px;margin:0 0 16px;border-radius:0 6px 6px 0}
.notice{border-left:4px solid #0a4fb4;background:#eef4fd;padding:10px 14px;border-radius:0 6px 6px 0}
nav.pager ul{display:flex;flex-wrap:wrap;gap:6px;list-style:none;padding:0;margin:16px 0}
nav.pager a,nav.pager span{display:inline-block;min-width:2.4em;padding:4px 10px;text-align:center;border:1px solid #c4ccd6;border-radius:4px;background:#fff;text-decoration:none}
nav.pager a[aria-current="page"]{background:#0a4fb4;border-color:#0a4fb4;color:#fff;font-weight:700}
nav.pager span{border-color:transparent;background:transparent}
.crumbs ol{display:flex;flex-wrap:wrap;gap:4px;list-style:none;margin:0 0 8px;padding:0;font-size:.92rem}
.crumbs li+li::before{content:"›";margin-right:4px;color:#4a5561}
.desc{white-space:pre-line;overflow-wrap:anywhere}
mark{background:#fde68a;color:#1b1f24;padding:0 1px}
.snippet{margin:.3em 0 0;font-size:.9rem;color:#3d4752;overflow-wrap:anywhere}
ol.measures{list-style:none;margin:0;padding:0}
ol.measures ol{padding-left:1.4em;border-left:2px solid #e3e8ee}
ol.measures li>p{margin:.6em 0 .3em;overflow-wrap:anywhere}
footer.site{border-top:1px solid #d5dbe3;background:#fff;color:#3d4752;font-size:.9rem;padding:18px 0}
footer.site p{margin:.2em 0}
@media (max-width:640px){h1{font-size:1.35rem}dl.fields{grid-template-columns:1fr}dl.fields dt{margin-top:6px}.brand span{display:none}}
@media print{header.site nav,.skip,form.filters,nav.pager,footer.site{display:none}body{background:#fff}}
`.trim();

/** CSP hash of the one inline style block: no 'unsafe-inline' needed. */
export const CSS_HASH = `sha256-${createHash('sha256').update(CSS).digest('base64')}`;
export const CONTENT_SECURITY_POLICY = `default-src 'none'; style-src '${CSS_HASH}'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'self'`;

export interface LayoutOptions {
  /** Page title; the site name is appended. */
  title: string;
  description: string;
  /** Path of the page ('/public/needs?sector=…'); made absolute with the base URL for og:url and canonical. */
  canonicalPath: string;
  body: SafeHtml;
  baseUrl: string;
  nav?: NavKey;
  ogType?: 'website' | 'article';
  /** Extra <link>/<meta> in the head (trusted). */
  head?: SafeHtml;
}

export function layout(o: LayoutOptions): string {
  const fullTitle = o.title === SITE_FULL_NAME ? o.title : `${o.title} - ${SITE_NAME}`;
  const url = `${o.baseUrl}${o.canonicalPath}`;
  const description = o.description.replace(/\s+/g, ' ').trim().slice(0, 160);
  const page = html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<meta name="description" content="${description}">
<link rel="canonical" href="${url}">
<meta property="og:site_name" content="${SITE_FULL_NAME}">
<meta property="og:locale" content="zh_CN">
<meta property="og:type" content="${o.ogType ?? 'website'}">
<meta property="og:title" content="${o.title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${url}">
<meta name="twitter:card" content="summary">
<link rel="alternate" type="application/atom+xml" title="场景桥 · 最新发布批次" href="${o.baseUrl}/public/feed.atom">
${o.head}
<style>${raw(CSS)}</style>
</head>
<body>
<a class="skip" href="#main">跳到主要内容</a>
<header class="site">
<div class="wrap">
<a class="brand" href="/public">${SITE_NAME}<span>人工智能应用场景创新服务平台</span></a>
<nav aria-label="主导航">
<ul>
${NAV.map((n) => html`<li><a href="${n.href}"${n.key === o.nav ? raw(' aria-current="page"') : ''}>${n.label}</a></li>`)}
<li><a href="/login">登录</a></li>
</ul>
</nav>
</div>
</header>
<main id="main" tabindex="-1">
<div class="wrap">
${o.body}
</div>
</main>
<footer class="site">
<div class="wrap">
<p>${SITE_FULL_NAME} · 公开清单依据征集、评审结果编号发布，已发布条目的更正以勘误形式公开。</p>
<p><a href="/public/feed.atom">订阅最新批次（Atom）</a> · <a href="/public/batches">全部发布批次</a> · <a href="/api/docs">开放接口（JSON）</a></p>
</div>
</footer>
</body>
</html>
`;
  return page.value;
}
