/**
 * The public portal: server-rendered pages under /public (no login, no client code), the batch
 * downloads (XLSX, DOCX bulletin, OCDS JSON) and the Atom feed. The same data as JSON is the
 * /api/v1/public/* API.
 *
 * Queries per request: home 8 (latest batches + count, three counts); list page 4 (entries +
 * count, batches for the select + count; with a keyword: the index's catch-up probe, the page's
 * entries, batches for the select + count); entry 3; batch page and downloads 3; feed 2 + one per
 * batch in the feed (≤ 20); a list's 导出 Excel 2 + one per 500 rows (with a keyword: the probe,
 * the batch name, one per 500 hits).
 */
import { cachedPage, publicationChanged } from './page-cache.js';
import { countListingView } from './listing-views.js';
import { DomainError } from '@scenebridge/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '@scenebridge/app/context';
import {
  batchesToAtom,
  batchToDocx,
  batchToOcds,
  batchToXlsx,
  publicationFileName,
  type PublishedBatch,
} from '@scenebridge/app/publication';
import {
  benchmarkCases,
  exportPublicEntries,
  latestBatchesWithEntries,
  publicBatch,
  publicBatches,
  publicEntries,
  publicEntry,
  searchPublicEntries,
} from '@scenebridge/app/publication';
import {
  FILTER_BATCH_LIMIT,
  PAGE_SIZE,
  pageOf,
  parseListFilters,
  toPublishedBatch,
  toPublishedEntry,
  UUID_RE,
  filterQuery,
} from './data.js';
import { CONTENT_SECURITY_POLICY, siteBaseUrl } from './layout.js';
import {
  batchesPage,
  batchPage,
  benchmarkPage,
  entryPage,
  errorPage,
  homePage,
  LIST_PAGES,
  listPage,
  noticePage,
  notFoundPage,
  type ListData,
} from './pages.js';
import { heavyRateLimit } from '../http/rate-limits.js';
import { challengePortalRoutes } from './challenges.js';
import { publicityPortalRoutes } from './publicity.js';
import { benchmarkPortalRoutes } from './benchmark.js';
import { challengeResultsPortalRoutes } from './challenge-results.js';
import { policyPortalRoutes } from './policies.js';
import { policyDigestPortalRoutes } from './policy-digests.js';
import { sendExport } from '../xlsx-download.js';

export const PAGE_CACHE_CONTROL = 'public, max-age=60';
export const FEED_SIZE = 20;
const HOME_BATCHES = 10;
const ATOM_TYPE = 'application/atom+xml; charset=utf-8';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const ocidPrefix = (env: NodeJS.ProcessEnv = process.env) => env.OCDS_PREFIX?.trim() || 'ocds-scenebridge';

/** RFC 6266 / 5987: an ASCII fallback and the UTF-8 name. */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}

function common(reply: FastifyReply, status: number) {
  return reply
    .status(status)
    .header('cache-control', status === 200 ? PAGE_CACHE_CONTROL : 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'strict-origin-when-cross-origin');
}

function sendHtml(reply: FastifyReply, body: string, status = 200) {
  return common(reply, status).header('content-security-policy', CONTENT_SECURITY_POLICY).type('text/html; charset=utf-8').send(body);
}

const pathOf = (request: FastifyRequest) => request.url.split('?')[0]!;

class PortalNotFound extends Error {
  constructor(readonly what: string) {
    super(`${what} not found`);
  }
}

/** Valid id or a 404 page, without asking the database about malformed ids. */
function idParam(request: FastifyRequest, what: string): string {
  const id = (request.params as { id?: string }).id ?? '';
  if (!UUID_RE.test(id)) throw new PortalNotFound(what);
  return id.toLowerCase();
}

async function loadBatch(services: Services, id: string) {
  try {
    return await publicBatch({ services, id });
  } catch (e) {
    if (e instanceof DomainError && e.status === 404) throw new PortalNotFound('发布批次');
    throw e;
  }
}

async function loadPublishedBatch(services: Services, request: FastifyRequest): Promise<PublishedBatch> {
  const r = await loadBatch(services, idParam(request, '发布批次'));
  return toPublishedBatch(r.batch, r.call, r.current);
}

function asciiName(b: PublishedBatch, ext: string) {
  return `scenebridge-${b.listType}-${b.year}-${b.number}.${ext}`;
}

export async function portalRoutes(app: FastifyInstance, services: Services) {
  // HTML pages and files, not part of the OpenAPI description of the JSON API.
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, hide: true };
  });
  app.setErrorHandler((error, request, reply) => {
    const base = siteBaseUrl(request);
    if (error instanceof PortalNotFound) return sendHtml(reply, notFoundPage(base, pathOf(request), error.what), 404);
    if (error instanceof DomainError && error.status === 404) return sendHtml(reply, notFoundPage(base, pathOf(request)), 404);
    // A refusal the visitor can act on (an export too large), or too many requests.
    if (error instanceof DomainError && error.status < 500)
      return sendHtml(reply, noticePage(base, pathOf(request), error.message), error.status);
    if ((error as { statusCode?: number }).statusCode === 429)
      return sendHtml(reply, noticePage(base, pathOf(request), '请求过于频繁，请稍后再试。'), 429);
    request.log.error(error);
    return sendHtml(reply, errorPage(base, pathOf(request)), 500);
  });
  const notFound = (request: FastifyRequest, reply: FastifyReply) =>
    sendHtml(reply, notFoundPage(siteBaseUrl(request), pathOf(request)), 404);
  app.setNotFoundHandler(notFound);
  // The web app's static files are served from a '/*' route; '/public/*' is more specific, so an
  // unknown portal address gets the portal's 404 page rather than the single-page app.
  app.get('/*', notFound);

  app.get('/', async (request, reply) => {
    const [latest, needs, caps, cases] = await Promise.all([
      publicBatches({ services, query: { page: 1, pageSize: HOME_BATCHES } }),
      publicEntries({ services, query: { listType: 'scenario_need', limit: 1, offset: 0 } }),
      publicEntries({ services, query: { listType: 'capability', limit: 1, offset: 0 } }),
      benchmarkCases({ services, query: { page: 1, pageSize: 1 } }),
    ]);
    return sendHtml(
      reply,
      homePage(siteBaseUrl(request), {
        batches: latest.items,
        totalBatches: latest.total,
        needCount: needs.total,
        capabilityCount: caps.total,
        caseCount: cases.total,
      }),
    );
  });

  const list = (listType: ListData['listType']) => async (request: FastifyRequest, reply: FastifyReply) => {
    const filters = parseListFilters(request.query as Record<string, unknown>);
    const base = siteBaseUrl(request);
    const key = `${base}|${listType}|${filterQuery(filters)}|${filters.page}`;
    return sendHtml(reply, await cachedPage(key, Date.now(), () => renderList(listType, filters, base)));
  };
  const renderList = async (listType: ListData['listType'], filters: ReturnType<typeof parseListFilters>, base: string) => {
    if (filters.q) return renderSearch(listType, filters, filters.q, base);
    const [r, batches] = await Promise.all([
      publicEntries({
        services,
        query: {
          listType,
          sector: filters.sector,
          techField: filters.techField,
          regionCode: filters.regionCode,
          batchId: filters.batchId,
          text: filters.q,
          limit: PAGE_SIZE,
          offset: (filters.page - 1) * PAGE_SIZE,
        },
      }),
      publicBatches({ services, query: { listType, page: 1, pageSize: FILTER_BATCH_LIMIT } }),
    ]);
    return listPage(base, { listType, filters, items: r.items, total: r.total, batches: batches.items });
  };
  // A keyword goes through the search engine (words, synonyms, near misses, ranked, marked), as
  // in the app; without one the list stays in published order (newest batch, then entry number).
  const renderSearch = async (listType: ListData['listType'], filters: ReturnType<typeof parseListFilters>, q: string, base: string) => {
    const [r, batches] = await Promise.all([
      searchPublicEntries({
        services,
        query: {
          q,
          listType,
          sector: filters.sector,
          techField: filters.techField,
          regionCode: filters.regionCode,
          batchId: filters.batchId,
          limit: PAGE_SIZE,
          offset: (filters.page - 1) * PAGE_SIZE,
        },
      }),
      publicBatches({ services, query: { listType, page: 1, pageSize: FILTER_BATCH_LIMIT } }),
    ]);
    return listPage(base, {
      listType,
      filters,
      items: r.items,
      total: r.total,
      batches: batches.items,
      facets: r.facets,
      capped: r.capped,
    });
  };
  app.get('/needs', list('scenario_need'));
  app.get('/capabilities', list('capability'));

  // 导出 Excel of a list: the page's query (filters and keyword; the page number is ignored), all
  // pages, in the order shown. Not cached: written fresh, streamed, at most MAX_PUBLIC_EXPORT_ROWS
  // rows (more without a keyword is refused with a page saying so). The portal knows no session,
  // so the exporter is 公众访问. The search endpoints' per-address limit applies.
  const exportList = (listType: ListData['listType']) => async (request: FastifyRequest, reply: FastifyReply) => {
    const { page: _page, ...filters } = parseListFilters(request.query as Record<string, unknown>);
    const prepared = await exportPublicEntries({
      services,
      filters: { ...filters, listType },
      title: LIST_PAGES[listType].title,
    });
    return sendExport(request, reply.header('x-content-type-options', 'nosniff'), prepared);
  };
  const exportLimit = { config: heavyRateLimit(services.config, 'search') };
  app.get('/needs/export.xlsx', exportLimit, exportList('scenario_need'));
  app.get('/capabilities/export.xlsx', exportLimit, exportList('capability'));

  app.get('/entries/:id', async (request, reply) => {
    const id = idParam(request, '清单条目');
    const r = await publicEntry({ services, id }).catch((e: unknown) => {
      throw e instanceof DomainError && e.status === 404 ? new PortalNotFound('清单条目') : e;
    });
    countListingView(services, request, r.entry.submissionId);
    return sendHtml(reply, entryPage(siteBaseUrl(request), r));
  });

  app.get('/batches', async (request, reply) => {
    const page = pageOf((request.query as Record<string, unknown>).page);
    const r = await publicBatches({ services, query: { page, pageSize: PAGE_SIZE } });
    return sendHtml(reply, batchesPage(siteBaseUrl(request), { items: r.items, total: r.total, page }));
  });

  app.get('/batches/:id', async (request, reply) => {
    const r = await loadBatch(services, idParam(request, '发布批次'));
    return sendHtml(reply, batchPage(siteBaseUrl(request), r));
  });

  app.get('/batches/:id/download.xlsx', async (request, reply) => {
    const b = await loadPublishedBatch(services, request);
    const file = await batchToXlsx(b);
    return common(reply, 200)
      .type(XLSX_TYPE)
      .header('content-disposition', attachmentDisposition(publicationFileName(b, 'xlsx'), asciiName(b, 'xlsx')))
      .send(file);
  });

  app.get('/batches/:id/download.docx', async (request, reply) => {
    const b = await loadPublishedBatch(services, request);
    const file = await batchToDocx(b);
    return common(reply, 200)
      .type(DOCX_TYPE)
      .header('content-disposition', attachmentDisposition(publicationFileName(b, 'docx'), asciiName(b, 'docx')))
      .send(file);
  });

  app.get('/batches/:id/ocds.json', async (request, reply) => {
    const b = await loadPublishedBatch(services, request);
    const base = siteBaseUrl(request);
    const pkg = batchToOcds(b, { ocidPrefix: ocidPrefix(), baseUrl: base, publisherName: b.issuer });
    return common(reply, 200)
      .type('application/json; charset=utf-8')
      .header('access-control-allow-origin', '*')
      .send(JSON.stringify(pkg, null, 2));
  });

  app.get('/feed.atom', async (request, reply) => {
    const base = siteBaseUrl(request);
    // One indexed query per batch in the feed (at most FEED_SIZE): the summary names the first
    // entries and `updated` needs the newest correction. The feed does not use the call fields.
    const latest = await latestBatchesWithEntries({ services, limit: FEED_SIZE });
    const feed = batchesToAtom(
      latest.map(({ batch: b, current }) => ({
        id: b.id,
        title: b.title,
        number: b.number,
        year: b.year,
        listType: b.listType as PublishedBatch['listType'],
        issuer: b.issuer,
        publishedAt: b.publishedAt.toISOString(),
        callTitle: '',
        callOpensAt: b.publishedAt.toISOString(),
        callClosesAt: b.publishedAt.toISOString(),
        entries: current.map(toPublishedEntry),
      })),
      { baseUrl: base, feedTitle: '场景桥 · 人工智能场景清单最新发布批次', selfUrl: `${base}/public/feed.atom` },
    );
    return common(reply, 200).type(ATOM_TYPE).header('access-control-allow-origin', '*').send(feed);
  });

  app.get('/benchmark-cases', async (request, reply) => {
    const page = pageOf((request.query as Record<string, unknown>).page);
    const r = await benchmarkCases({ services, query: { page, pageSize: PAGE_SIZE } });
    return sendHtml(reply, benchmarkPage(siteBaseUrl(request), { items: r.items, total: r.total, page }));
  });
  challengePortalRoutes(app, services, sendHtml);
  publicityPortalRoutes(app, services, sendHtml);
  policyPortalRoutes(app, services, sendHtml);
  policyDigestPortalRoutes(app, services, sendHtml);
  benchmarkPortalRoutes(app, services, {
    sendHtml,
    sendFile: (reply, type, body, fileName, ascii) =>
      common(reply, 200).type(type).header('content-disposition', attachmentDisposition(fileName, ascii)).send(body),
    sendFeed: (reply, xml) => common(reply, 200).type(ATOM_TYPE).header('access-control-allow-origin', '*').send(xml),
  });
  challengeResultsPortalRoutes(app, services, {
    sendHtml,
    sendFile: (reply, type, body, fileName, ascii) =>
      common(reply, 200).type(type).header('content-disposition', attachmentDisposition(fileName, ascii)).send(body),
    sendFeed: (reply, xml) => common(reply, 200).type(ATOM_TYPE).header('access-control-allow-origin', '*').send(xml),
  });
}

/** Registers the portal under /public. */
export async function registerPortal(app: FastifyInstance, services: Services) {
  const stop = services.events.on('publication.changed', publicationChanged);
  app.addHook('onClose', async () => stop());
  await app.register(async (scope) => portalRoutes(scope, services), { prefix: '/public' });
}
