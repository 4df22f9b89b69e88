// The vocabulary feature's public face: what the HTTP routes, the CLI, jobs and other features use.
export * from './add-search-synonym.js';
export * from './add-search-term.js';
export * from './list-synonyms.js';
export * from './list-terms.js';
export * from './policy.js';
export * from './remove-search-synonym.js';
export * from './remove-search-term.js';
export * from './schemas.js';
export * from './list-builtin-synonyms.js';
