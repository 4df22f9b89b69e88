// Reading an uploaded policy document's text: what the policy import use case calls.
export * from './read-policy-document.js';
export { POLICY_DOCX_LIMITS } from './read-docx.js';
