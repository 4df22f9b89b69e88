/**
 * One-click unsubscribe from a digest email, without logging in.
 *
 *   GET  /unsubscribe?s&t   the link in the email body: unsubscribes, and the page offers to undo
 *   POST /unsubscribe?s&t   RFC 8058 one-click (List-Unsubscribe-Post), sent by the mail client
 *   POST /resubscribe?s&t   the undo button on that page
 *
 * The signed token authorises these routes, not a session: `signedLink` makes the auth plugin
 * ignore the cookie (so a logged-in browser's form POST meets no CSRF check), and a wrong or
 * altered token answers 403 with nothing changed.
 */
import { DomainError } from '@scenebridge/domain';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { htmlPage } from '@scenebridge/contract/unsubscribe';
import { z } from 'zod';
import type { Services } from '@scenebridge/app/context';
import { html, type SafeHtml } from '@scenebridge/app/shared';
import { setSubscribedWithToken } from '@scenebridge/app/subscriptions';

const linkQuery = z.object({ s: z.uuid('订阅编号格式不正确'), t: z.string().min(1).max(200) });
type LinkQuery = z.infer<typeof linkQuery>;

function page(reply: FastifyReply, status: number, title: string, body: SafeHtml) {
  return (
    reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      // The token is in the URL: never pass it on in a Referer.
      .header('referrer-policy', 'no-referrer')
      .header('x-robots-tag', 'noindex')
      .header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      )
      .send(
        html`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · 场景桥</title>
<style>body{margin:0;padding:40px 16px;background:#f5f7fa;font-family:system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1b1f24;line-height:1.7}
main{max-width:520px;margin:0 auto;background:#fff;border-radius:6px;padding:28px}h1{font-size:1.3rem;margin:0 0 12px}
button{font:inherit;padding:6px 18px;border:1px solid #0a4fb4;background:#fff;color:#0a4fb4;border-radius:4px;cursor:pointer}</style></head>
<body><main><h1>${title}</h1>${body}<p style="color:#6b7280;font-size:.9rem;margin-top:24px">场景桥 · 人工智能应用场景创新服务平台</p></main></body></html>`
          .value,
      )
  );
}

const form = (action: string, q: LinkQuery, label: string) =>
  html`<form method="post" action="/api/v1/${action}?s=${encodeURIComponent(q.s)}&amp;t=${encodeURIComponent(q.t)}"><button type="submit">${label}</button></form>`;

async function answer(services: Services, reply: FastifyReply, q: LinkQuery, subscribed: boolean) {
  let result;
  try {
    result = await setSubscribedWithToken({ services, subscriptionId: q.s, token: q.t, subscribed });
  } catch (e) {
    if (e instanceof DomainError && e.status === 403) {
      return page(
        reply,
        403,
        '链接无效',
        html`<p>此退订链接无效或已被修改，订阅没有任何变化。请使用邮件中的原始链接，或登录后在“我的订阅”中管理。</p>`,
      );
    }
    throw e;
  }
  if (result.name === null) return page(reply, 200, '订阅已删除', html`<p>此订阅已被删除，您不会再收到它的邮件。</p>`);
  if (subscribed) {
    return page(
      reply,
      200,
      '已重新订阅',
      html`<p>已恢复订阅「${result.name}」，您将继续收到匹配项目的提醒和摘要邮件。</p>${form('unsubscribe', q, '再次退订')}`,
    );
  }
  return page(
    reply,
    200,
    '已退订',
    html`<p>您已退订「${result.name}」，今后不会再收到此订阅的提醒和摘要邮件。</p>
<p>误操作了？</p>${form('resubscribe', q, '重新订阅')}`,
  );
}

export function registerUnsubscribeRoutes(app: FastifyInstance, services: Services) {
  // Its own scope: mail clients post form bodies (RFC 8058), which only these routes accept.
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    const api = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['subscriptions'];
    const config = { public: true, signedLink: true };
    // Pages for people, not JSON: described by content type; Fastify sends a string body as it is.
    const response = { 200: htmlPage, 403: htmlPage };
    api.get(
      '/unsubscribe',
      {
        config,
        schema: { tags, summary: '邮件中的一键退订链接（s 订阅编号，t 签名）；返回中文确认页，可撤销', querystring: linkQuery, response },
      },
      async (request, reply) => answer(services, reply, request.query, false),
    );
    api.post(
      '/unsubscribe',
      {
        config,
        schema: {
          tags,
          summary: 'RFC 8058 一键退订（List-Unsubscribe-Post: List-Unsubscribe=One-Click），无需登录',
          querystring: linkQuery,
          response,
        },
      },
      async (request, reply) => answer(services, reply, request.query, false),
    );
    api.post(
      '/resubscribe',
      {
        config,
        schema: { tags, summary: '撤销退订（同一签名链接）', querystring: linkQuery, response },
      },
      async (request, reply) => answer(services, reply, request.query, true),
    );
  });
}
