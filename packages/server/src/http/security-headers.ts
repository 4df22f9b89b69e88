import type { FastifyHelmetOptions } from '@fastify/helmet';

/**
 * Headers on every answer (@fastify/helmet): the single-page app, the API and Swagger UI.
 * Routes that know better set their own Content-Security-Policy after this (the portal: no
 * scripts at all; the unsubscribe page; attachments), which replaces this one.
 *
 * - scripts only from this origin (Vite emits module files, no inline script);
 * - inline styles allowed: Ant Design injects its CSS-in-JS as <style> elements at run time,
 *   and Swagger UI sets style attributes. Styles cannot run code, so this is the usual trade;
 * - no framing by anyone (clickjacking), no plugins, forms and <base> only to this origin;
 * - HSTS and upgrade-insecure-requests only when served over HTTPS (COOKIE_SECURE), because on
 *   plain-HTTP local development they would send the browser to an https:// that is not there.
 */
export function securityHeaders(https: boolean): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    hsts: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  };
}
