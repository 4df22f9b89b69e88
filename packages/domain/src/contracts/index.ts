// 技术合同登记 (docs/contracts.md): vocabulary, patent numbers, registration numbers, the statutory time limit and the input rules.
export * from './rules.js';
export * from './schema.js';
