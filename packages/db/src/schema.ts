/**
 * Every table, one file per feature (`<feature>/schema.ts`). drizzle-kit reads this file
 * (packages/db/drizzle.config.ts); repositories import tables from here.
 */
export * from './organizations/schema.js';
export * from './eligibility/schema.js';
export * from './auth/schema.js';
export * from './calls/schema.js';
export * from './submissions/schema.js';
export * from './audit/schema.js';
export * from './review/schema.js';
export * from './publication/schema.js';
export * from './settings/schema.js';
export * from './vocabulary/schema.js';
export * from './matching/schema.js';
export * from './notifications/schema.js';
export * from './subscriptions/schema.js';
export * from './mail/schema.js';
export * from './jobs/schema.js';
export * from './calendar/schema.js';
export * from './challenges/schema.js';
export * from './applications/schema.js';
export * from './applications/attachments-schema.js';
export * from './publicity/schema.js';
export * from './awards/schema.js';
export * from './application-review/schema.js';
export * from './deals/schema.js';
export * from './contracts/schema.js';
export * from './dashboard/schema.js';
export * from './policies/schema.js';
