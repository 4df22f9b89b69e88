export * from './client.js';
export * from './lock.js';
export * as schema from './schema.js';
export * from './audit-repository.js';
export * from './organization-repository.js';
export * from './session-repository.js';
export * from './call-repository.js';
export * from './submission-repository.js';
