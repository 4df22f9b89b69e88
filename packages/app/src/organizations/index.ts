// The organizations feature's public face: what the HTTP routes, the CLI, jobs and other features use.
export * from './create-organization-user.js';
export * from './download-licence.js';
export * from './get-organization.js';
export * from './list-licences.js';
export * from './list-organization-users.js';
export * from './list-organizations.js';
export * from './policy.js';
export * from './present.js';
export * from './register-organization.js';
export * from './transition-organization.js';
export * from './upload-licence.js';
export * from './subscribers.js';
export * from './export-organizations.js';
