// 政策动态 (digest issues, docs/policies.md): numbering, summaries and suggested directions, pure.
export * from './numbering.js';
export * from './terms-in-words.js';
export * from './summary.js';
export * from './directions.js';
