export { registerPortal, portalRoutes, attachmentDisposition, ocidPrefix, PAGE_CACHE_CONTROL } from './routes.js';
export { html, raw, escapeHtml, join, SafeHtml } from './html.js';
export { layout, siteBaseUrl } from './layout.js';
