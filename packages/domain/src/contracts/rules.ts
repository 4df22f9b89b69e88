// The zod-free part of 技术合同登记 (`@scenebridge/domain/contracts`, browser-safe): codes, patent and registration numbers, the time limit.
export * from './codes.js';
export * from './patent-number.js';
export * from './registration-number.js';
export * from './deadline.js';
export * from './limits.js';
