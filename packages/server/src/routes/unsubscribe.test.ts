import { listAuditEvents } from '@scenebridge/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUnsubscribe, unsubscribeSecret } from '@scenebridge/app/mail';
import { anonymous, createTestContext, orgUser, platformUser, type Client, type TestContext } from '../testing.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ config: { loginRateLimitPerMinute: 1000 } });
});
afterAll(async () => {
  await ctx?.close();
});

async function subscription() {
  const owner = await orgUser(ctx, { roles: ['org_member'] });
  const res = await owner.client.post('/api/v1/subscriptions', { kind: 'saved_search', name: '智慧医疗', query: { sector: 'healthcare' } });
  expect(res.statusCode).toBe(201);
  const id = res.json().id as string;
  const token = signUnsubscribe(await unsubscribeSecret(ctx.services.db), id);
  return { owner, id, token, url: (t = token, s = id) => `/api/v1/unsubscribe?s=${s}&t=${encodeURIComponent(t)}` };
}
const active = async (owner: Client, id: string) => (await owner.get(`/api/v1/subscriptions/${id}`)).json().active as boolean;
const auditActions = async (id: string) =>
  (await listAuditEvents(ctx.services.db, { entityType: 'subscription', entityId: id, limit: 50, offset: 0, ascending: true })).items.map(
    (e) => e.action,
  );
/** A mail client's RFC 8058 POST: no cookie, a form body. */
const oneClick = (url: string, headers: Record<string, string> = {}) =>
  ctx.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: 'List-Unsubscribe=One-Click',
  });

describe('one-click unsubscribe', () => {
  it('the link in the email unsubscribes at once and offers to undo with the same token', async () => {
    const s = await subscription();
    const res = await anonymous(ctx.app).get(s.url());
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.body).toContain('您已退订「智慧医疗」');
    expect(res.body).toContain(`action="/api/v1/resubscribe?s=${s.id}&amp;t=${encodeURIComponent(s.token)}"`);
    expect(await active(s.owner.client, s.id)).toBe(false);
    // Clicking again is harmless.
    expect((await anonymous(ctx.app).get(s.url())).statusCode).toBe(200);

    const undo = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/resubscribe?s=${s.id}&t=${encodeURIComponent(s.token)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.body).toContain('已恢复订阅「智慧医疗」');
    expect(await active(s.owner.client, s.id)).toBe(true);
    expect(await auditActions(s.id)).toEqual(['subscription.created', 'subscription.unsubscribed', 'subscription.resubscribed']);
    const [, unsub] = (
      await listAuditEvents(ctx.services.db, { entityType: 'subscription', entityId: s.id, limit: 5, offset: 0, ascending: true })
    ).items;
    expect(unsub).toMatchObject({ actorUserId: s.owner.user.id, data: { via: 'email_link' } });
    expect(unsub!.actorLabel).toContain('邮件退订链接');
  });

  it('RFC 8058 one-click POST works without a session, and with a browser session but no CSRF header', async () => {
    const s = await subscription();
    const res = await oneClick(s.url());
    expect(res.statusCode, res.body).toBe(200);
    expect(await active(s.owner.client, s.id)).toBe(false);
    await s.owner.client.patch(`/api/v1/subscriptions/${s.id}`, { active: true });
    // The subscriber's own logged-in browser posting the page's form: the cookie is ignored, not refused.
    const withCookie = await oneClick(s.url(), { cookie: s.owner.client.cookie! });
    expect(withCookie.statusCode, withCookie.body).toBe(200);
    expect(await active(s.owner.client, s.id)).toBe(false);
    // A multipart body (some mail clients) is accepted too.
    await s.owner.client.patch(`/api/v1/subscriptions/${s.id}`, { active: true });
    const multipart = await ctx.app.inject({
      method: 'POST',
      url: s.url(),
      headers: { 'content-type': 'multipart/form-data; boundary=X' },
      payload: '--X\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--X--\r\n',
    });
    expect(multipart.statusCode, multipart.body).toBe(200);
    expect(await active(s.owner.client, s.id)).toBe(false);
  });

  it('a forged, altered or borrowed token is refused with 403 and changes nothing', async () => {
    const s = await subscription();
    const other = await subscription();
    const flipped = s.token.slice(0, -1) + (s.token.endsWith('A') ? 'B' : 'A');
    const tries = [
      s.url(flipped),
      s.url(s.token + 'x'),
      s.url(s.token.slice(0, 20)),
      s.url('x'.repeat(43)),
      s.url(other.token), // another subscription's valid token
      s.url(signUnsubscribe(Buffer.alloc(32, 7), s.id)), // signed with a guessed secret
    ];
    for (const url of tries) {
      const get = await anonymous(ctx.app).get(url);
      expect(get.statusCode, url).toBe(403);
      expect(get.body).toContain('链接无效');
      expect((await oneClick(url)).statusCode).toBe(403);
      expect((await ctx.app.inject({ method: 'POST', url: url.replace('/unsubscribe', '/resubscribe') })).statusCode).toBe(403);
    }
    expect((await anonymous(ctx.app).get(`/api/v1/unsubscribe?s=${s.id}`)).statusCode).toBe(400);
    expect((await anonymous(ctx.app).get(`/api/v1/unsubscribe?s=not-a-uuid&t=${s.token}`)).statusCode).toBe(400);
    expect(await active(s.owner.client, s.id)).toBe(true);
    expect(await active(other.owner.client, other.id)).toBe(true);
    expect(await auditActions(s.id)).toEqual(['subscription.created']);
  });

  it('the same answers for every caller: the token decides, not who asks', async () => {
    const callers = [
      anonymous(ctx.app),
      (await orgUser(ctx)).client,
      (await platformUser(ctx)).client,
      (await platformUser(ctx, ['reviewer'])).client,
    ];
    for (const c of callers) {
      const s = await subscription();
      expect((await c.get(s.url(s.token.replace(/.$/, (ch) => (ch === 'a' ? 'b' : 'a'))))).statusCode).toBe(403);
      expect((await c.get(s.url())).statusCode).toBe(200);
      expect(await active(s.owner.client, s.id)).toBe(false);
      expect((await c.request('POST', `/api/v1/resubscribe?s=${s.id}&t=${encodeURIComponent(s.token)}`)).statusCode).toBe(200);
      expect(await active(s.owner.client, s.id)).toBe(true);
    }
  });

  it('a deleted subscription’s link answers that it is gone', async () => {
    const s = await subscription();
    expect((await s.owner.client.delete(`/api/v1/subscriptions/${s.id}`)).statusCode).toBe(204);
    const res = await oneClick(s.url());
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('此订阅已被删除');
  });
});
