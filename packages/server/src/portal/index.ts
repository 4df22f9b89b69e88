export { registerPortal, portalRoutes, attachmentDisposition, ocidPrefix, PAGE_CACHE_CONTROL } from './routes.js';
export { html, raw, escapeHtml, join, SafeHtml } from '@scenebridge/app/shared';
export { layout, siteBaseUrl } from './layout.js';
