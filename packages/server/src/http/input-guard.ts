/**
 * One check, at the boundary, for characters no part of the platform can store: NUL (PostgreSQL
 * text refuses \u0000) and lone UTF-16 surrogates (no UTF-8 form; the driver would silently turn
 * them into U+FFFD). Every string a request carries is checked before any route sees it: the
 * query string (also percent-escapes that are not UTF-8), path parameters, header values
 * (x-csrf-token …) and the session cookie, the JSON body at any depth (keys too), and multipart file names and
 * field values. Refusal is 400 INVALID_CHARACTERS; portal pages (/public) get it as an HTML page.
 *
 * Bytes that are not UTF-8 cannot become a lone surrogate everywhere: in a path, Fastify answers
 * 400 FST_ERR_BAD_URL before any hook; in a JSON body, JSON.parse turns them into U+FFFD; in a
 * multipart header, busboy does the same. Only the query string and cookies pass such
 * escapes on undecoded, so those are checked here.
 */
import { DomainError } from '@scenebridge/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../auth/plugin.js';
import { sendError } from '../http.js';
import { html } from '@scenebridge/app/shared';
import { CONTENT_SECURITY_POLICY, layout, siteBaseUrl } from '../portal/layout.js';

export const INVALID_CHARACTERS = 'INVALID_CHARACTERS';
export const INVALID_CHARACTERS_MESSAGE = '内容包含无效字符（如空字符），请删除后重试';

// Without the `u` flag the pattern sees UTF-16 code units, so it can tell a lone surrogate from a pair.
const BAD = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BAD_GLOBAL = new RegExp(BAD.source, 'g');
const ESCAPE_RUN = /(?:%[0-9a-fA-F]{2})+/g;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export const hasInvalidCharacters = (s: string): boolean => BAD.test(s);

/**
 * Path (dot-joined, '' for the root) of the first bad string or key in a parsed value, or
 * undefined. Iterative: a deeply nested JSON body must not overflow the stack.
 */
export function findInvalidCharacters(value: unknown): string | undefined {
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (BAD.test(v)) return path;
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push([v[i], path ? `${path}.${i}` : String(i)]);
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [k, child] of Object.entries(v)) {
        const at = path ? `${path}.${k}` : k;
        if (BAD.test(k)) return at;
        stack.push([child, at]);
      }
    }
  }
  return undefined;
}

/**
 * Percent-escapes in a raw query that do not decode as UTF-8 (`%ED%A0%80`, a lone surrogate;
 * `%E0`): the query parser would pass them on undecoded. A lone '%' is left alone.
 */
export function hasBadEscapes(rawQuery: string): boolean {
  for (const [run] of rawQuery.matchAll(ESCAPE_RUN)) {
    try {
      utf8.decode(Buffer.from(run.replaceAll('%', ''), 'hex'));
    } catch {
      return true;
    }
  }
  return false;
}

/** The place named in the error, without echoing the bad characters or a huge key. */
const shown = (where: string) => where.replace(BAD_GLOBAL, '\uFFFD').slice(0, 200);

const invalid = (where: string) => new DomainError(INVALID_CHARACTERS, INVALID_CHARACTERS_MESSAGE, 400, { path: shown(where) });

function refuse(request: FastifyRequest, reply: FastifyReply, where: string) {
  const url = request.url;
  if (url.startsWith('/public') && !url.startsWith('/api/')) {
    const body = html`
<h1>请求内容无效</h1>
<p>${INVALID_CHARACTERS_MESSAGE}。</p>
<p><a href="/public">返回首页</a></p>`;
    const page = layout({
      title: '请求内容无效',
      description: INVALID_CHARACTERS_MESSAGE,
      canonicalPath: '/public',
      body,
      baseUrl: siteBaseUrl(request),
      head: html`<meta name="robots" content="noindex">`,
    });
    return reply
      .status(400)
      .header('cache-control', 'no-store')
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .type('text/html; charset=utf-8')
      .send(page);
  }
  return sendError(reply, 400, INVALID_CHARACTERS, INVALID_CHARACTERS_MESSAGE, { path: shown(where) });
}

function urlProblem(request: FastifyRequest): string | undefined {
  const q = request.url.indexOf('?');
  if (q >= 0 && hasBadEscapes(request.url.slice(q + 1))) return 'query';
  const inQuery = findInvalidCharacters(request.query);
  if (inQuery !== undefined) return `query.${inQuery}`;
  const inParams = findInvalidCharacters(request.params);
  if (inParams !== undefined) return `params.${inParams}`;
  const inHeaders = findInvalidCharacters(request.headers);
  if (inHeaders !== undefined) return `headers.${inHeaders}`;
  // Only the cookie we read: other applications on the same host may set cookies in any
  // encoding (GBK escapes, say), and those must not lock users out. @fastify/cookie has
  // percent-decoded it already, or left it as it came when it does not decode as UTF-8.
  const session = request.cookies?.[SESSION_COOKIE];
  if (session !== undefined && (hasInvalidCharacters(session) || hasBadEscapes(session))) return `cookies.${SESSION_COOKIE}`;
  return undefined;
}

interface MultipartPart {
  type?: string;
  fieldname?: string;
  filename?: string;
  value?: unknown;
}
interface MultipartFile extends MultipartPart {
  fields?: Record<string, MultipartPart | MultipartPart[] | undefined>;
}

function checkMultipart(file: MultipartFile) {
  for (const part of Object.values(file.fields ?? {}).flat()) {
    if (!part) continue;
    const strings = { fieldname: part.fieldname, filename: part.filename, value: part.type === 'field' ? part.value : undefined };
    const bad = findInvalidCharacters(strings);
    if (bad !== undefined) throw invalid(`multipart.${bad}`);
  }
  if (file.filename !== undefined && hasInvalidCharacters(file.filename)) throw invalid('multipart.filename');
}

/**
 * Multipart parts are read by the route itself (`request.file()`), after every hook; the guard
 * wraps that one reader so the file name and the fields before the file are checked as they arrive.
 */
function guardMultipart(request: FastifyRequest) {
  const r = request as unknown as { file?: (...args: unknown[]) => Promise<MultipartFile | undefined> };
  if (!r.file) return;
  const read = r.file.bind(request);
  r.file = async (...args) => {
    const file = await read(...args);
    if (file) checkMultipart(file);
    return file;
  };
}

/** Registered on the root instance before any route, so it covers the API, the portal and 404s. */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook('onRequest', async (request, reply) => {
    const where = urlProblem(request);
    if (where !== undefined) return refuse(request, reply, where);
  });
  // After body parsing: only then does @fastify/multipart mark a request as multipart.
  app.addHook('preValidation', async (request, reply) => {
    if (request.isMultipart()) return guardMultipart(request);
    if (request.body === undefined || request.body === null) return;
    const where = findInvalidCharacters(request.body);
    if (where !== undefined) return refuse(request, reply, where === '' ? 'body' : `body.${where}`);
  });
}
