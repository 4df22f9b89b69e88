// Factories for tests of the policy hub in other packages (server routes, e2e).
export { docxOf, pdfOf, pngOf } from './read-document/read-document.testing.js';
