// The contracts feature's public face (技术合同登记, docs/contracts.md): what the HTTP routes, the CLI, jobs, benchmarks and other features use.
export * from './policy.js';
export * from './settings.js';
export * from './present.js';
export * from './get-contract.js';
export * from './create-contract.js';
export * from './update-contract.js';
export * from './attachments.js';
export * from './transition-contract.js';
export * from './start-contract-version.js';
export * from './list-contracts.js';
export * from './export-contracts.js';
export * from './subscribers.js';
export * from './remind-due-contracts.js';
export * from './import/import-contracts.js';
export * from './import/contract-import-template.js';
export { buildContractImportTemplate, CONTRACT_TEMPLATE_EXAMPLE } from './import/template.js';
export { CONTRACT_IMPORT_COLUMNS, CONTRACT_IMPORT_HEADERS, yuanToFen, readDate } from './import/columns.js';
