// The applications (揭榜) feature's public face: what the HTTP routes, jobs and other features use.
export * from './access.js';
export * from './add-application-attachment.js';
export * from './attachment-target.js';
export * from './create-application.js';
export * from './decide-membership.js';
export * from './download-application-attachment.js';
export * from './export-applications.js';
export * from './get-application.js';
export * from './list-applications.js';
export * from './policy.js';
export * from './present.js';
export * from './remove-application-attachment.js';
export * from './remind-drafts.js';
export * from './search-partners.js';
export * from './subscribers.js';
export * from './transition-application.js';
export * from './update-application.js';
