/**
 * HTTP test harness: the app's harness (packages/app/src/testing.ts: database, services,
 * factories) plus the real Fastify app via inject and logged-in clients.
 */
import { randomBytes } from 'node:crypto';
import type { Role } from '@scenebridge/domain';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { AppConfig } from '@scenebridge/app/config';
import {
  createTestContext as createAppTestContext,
  type AppTestContext,
  makeOrganization,
  makeUser,
  TEST_PASSWORD,
} from '@scenebridge/app/testing';
import { buildApp } from './app.js';
import { publicationChanged } from './portal/page-cache.js';

export {
  callInput,
  makeCall,
  makeOrganization,
  makeUser,
  randomCreditCode,
  scenarioNeedData,
  TEST_PASSWORD,
  tinyPng,
} from '@scenebridge/app/testing';

export interface TestContext extends AppTestContext {
  app: FastifyInstance;
}

export async function createTestContext(opts: { now?: Date; config?: Partial<AppConfig> } = {}): Promise<TestContext> {
  const base = await createAppTestContext(opts);
  // Portal pages are cached per process (portal/page-cache.ts): none rendered from another test's database.
  publicationChanged();
  const app = await buildApp(base.services);
  await app.ready();
  return {
    ...base,
    app,
    close: async () => {
      await app.close();
      await base.close();
    },
  };
}

/** A logged-in HTTP client over inject: keeps the cookie and sends the CSRF token. */
export interface Client {
  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    extra?: { headers?: Record<string, string>; payload?: Buffer },
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  cookie?: string;
  csrfToken?: string;
}

export function anonymous(app: FastifyInstance): Client {
  return clientWith(app);
}

function clientWith(app: FastifyInstance, cookie?: string, csrfToken?: string): Client {
  const request: Client['request'] = (method, url, body, extra) =>
    app.inject({
      method,
      url,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(csrfToken && method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
        ...(extra?.headers ?? {}),
      },
      ...(extra?.payload ? { payload: extra.payload } : body === undefined ? {} : { payload: body as object }),
    });
  return {
    request,
    cookie,
    csrfToken,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body ?? {}),
    patch: (url, body) => request('PATCH', url, body ?? {}),
    delete: (url) => request('DELETE', url),
  };
}

export async function login(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed ${res.statusCode} ${res.body}`);
  const setCookie = res.cookies.find((c) => c.name === 'sb_session');
  return clientWith(app, `sb_session=${setCookie!.value}`, res.json().csrfToken as string);
}

/** An approved organisation with an admin, logged in. */
export async function orgUser(ctx: TestContext, opts: { status?: string; roles?: Role[]; kind?: string } = {}) {
  const org = await makeOrganization(ctx.services, { status: opts.status, kind: opts.kind });
  const user = await makeUser(ctx.services, org.id, opts.roles ?? ['org_admin']);
  return { org, user, client: await login(ctx.app, user.email) };
}

export async function platformUser(ctx: TestContext, roles: Role[] = ['operator']) {
  const org = await makeOrganization(ctx.services, { kind: 'government', operator: true });
  const user = await makeUser(ctx.services, org.id, roles);
  return { org, user, client: await login(ctx.app, user.email) };
}

/** POSTs one file as the multipart field `file`, as the web app's upload does. */
export function uploadFile(client: Client, url: string, content: Buffer, filename = 'import.xlsx') {
  const boundary = '----sbupload' + randomBytes(8).toString('hex');
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request('POST', url, undefined, { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
}
