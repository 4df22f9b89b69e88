/**
 * The contract's types lead the web's type check into the domain's index, which also exports the
 * audit chain (SHA-256 through node:crypto, used by the server only). The web imports the
 * contract as types only, so that module never reaches the browser; declaring it here keeps Node's
 * types (process, Buffer …) out of the web's program.
 */
declare module 'node:crypto';
