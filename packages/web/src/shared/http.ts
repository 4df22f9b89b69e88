/**
 * The HTTP client for /api/v1 (docs/api.md); each feature's api.ts names its endpoints.
 * Same-origin cookies carry the session; every non-GET request carries the CSRF token kept in
 * memory (from login or /auth/me).
 */
import type { Session, ValidationDetail } from './types';

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** `details` of a VALIDATION_FAILED error, normalised to `{path, message}`. */
  get fieldErrors(): ValidationDetail[] {
    if (!Array.isArray(this.details)) return [];
    const out: ValidationDetail[] = [];
    for (const d of this.details as unknown[]) {
      if (d && typeof d === 'object') {
        const rec = d as Record<string, unknown>;
        const rawPath = rec.path;
        const path = Array.isArray(rawPath) ? rawPath.map(String).join('.') : typeof rawPath === 'string' ? rawPath : '';
        const message = typeof rec.message === 'string' ? rec.message : '';
        if (message) out.push({ path, message });
      }
    }
    return out;
  }
}

const STATUS_MESSAGES: Record<number, string> = {
  400: '请求内容有误',
  401: '请先登录',
  403: '无权执行此操作',
  404: '内容不存在或无权访问',
  409: '当前状态不允许该操作',
  413: '文件过大，单个文件不能超过10MB',
  415: '不支持的文件类型，仅支持 PDF、DOCX、XLSX、PNG、JPG',
  423: '账号已锁定，请稍后再试',
  429: '操作过于频繁，请稍后再试',
};

/** A readable Chinese message for anything thrown by the client or the browser. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof TypeError) return '网络连接失败，请检查网络后重试';
  if (err instanceof Error && err.message) return err.message;
  return '操作失败，请稍后重试';
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function getCsrfToken(): string | null {
  return csrfToken;
}

let onUnauthenticated: (() => void) | null = null;
/** Called when a request fails with 401 outside the auth endpoints (session expired). */
export function setUnauthenticatedHandler(fn: (() => void) | null): void {
  onUnauthenticated = fn;
}

let onWrite: (() => void) | null = null;
/** Called after every successful request that is not a GET (the data it changed may be cached). */
export function setWriteHandler(fn: (() => void) | null): void {
  onWrite = fn;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  if (query) {
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined || v === null || v === '') continue;
      params.set(k, String(v));
    }
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  form?: FormData;
}

async function parseError(res: Response): Promise<ApiError> {
  let code = `HTTP_${res.status}`;
  let message = STATUS_MESSAGES[res.status] ?? (res.status >= 500 ? '服务器暂时无法处理请求，请稍后重试' : '请求失败');
  let details: unknown;
  try {
    const text = await res.text();
    if (text) {
      const json = JSON.parse(text) as unknown;
      if (json && typeof json === 'object' && 'error' in json) {
        const e = (json as { error: unknown }).error;
        if (e && typeof e === 'object') {
          const rec = e as Record<string, unknown>;
          if (typeof rec.code === 'string') code = rec.code;
          if (typeof rec.message === 'string' && rec.message) message = rec.message;
          details = rec.details;
        }
      }
    }
  } catch {
    // not JSON: keep the status message
  }
  return new ApiError(res.status, code, message, details);
}

async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  return fetch(buildUrl(path, opts.query), { method, headers, body, credentials: 'same-origin' });
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  let res = await send(method, path, opts);
  if (!res.ok) {
    let err = await parseError(res);
    // A stale CSRF token (e.g. after a server restart): refresh it once and retry.
    if (err.code === 'CSRF_INVALID' && method !== 'GET') {
      const me = await fetch(buildUrl('/auth/me'), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (me.ok) {
        const session = (await me.json()) as Session;
        csrfToken = session.csrfToken;
        res = await send(method, path, opts);
        if (res.ok) return done<T>(method, res);
        err = await parseError(res);
      }
    }
    if (err.status === 401 && !path.startsWith('/auth/') && onUnauthenticated) onUnauthenticated();
    throw err;
  }
  return done<T>(method, res);
}

function done<T>(method: string, res: Response): Promise<T> {
  if (method !== 'GET') onWrite?.();
  return readBody<T>(res);
}

async function readBody<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const get = <T>(path: string, query?: Query) => request<T>('GET', path, { query });
export const post = <T>(path: string, body?: unknown, query?: Query) => request<T>('POST', path, { body: body ?? {}, query });
export const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, { body });
export const put = <T>(path: string, body: unknown) => request<T>('PUT', path, { body });
export const del = <T>(path: string, query?: Query) => request<T>('DELETE', path, { query });
export const enc = encodeURIComponent;
export const upload = <T>(path: string, file: File | Blob, query?: Query, filename?: string) => {
  const form = new FormData();
  if (file instanceof File) form.append('file', file, filename ?? file.name);
  else form.append('file', file, filename ?? 'upload');
  return request<T>('POST', path, { form, query });
};

/** The file name a download answer offers (RFC 6266 filename*, else filename), or the fallback. */
export function dispositionFileName(header: string | null, fallback: string): string {
  const star = header && /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!);
    } catch {
      // a malformed name: fall through
    }
  }
  const plain = header && /filename="([^"]+)"/i.exec(header);
  return plain ? plain[1]! : fallback;
}

/**
 * GETs a file and hands it to the browser's download. Fetched rather than linked so that a
 * refusal (400, 401, 403) is shown as a message instead of a page of JSON.
 */
export async function download(path: string, query: Query | undefined, fallbackName: string): Promise<string> {
  const res = await fetch(buildUrl(path, query), { credentials: 'same-origin' });
  if (!res.ok) {
    const err = await parseError(res);
    if (err.status === 401 && onUnauthenticated) onUnauthenticated();
    throw err;
  }
  const name = dispositionFileName(res.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
