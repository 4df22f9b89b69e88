// The broker workspace's public face (技术经理人): routes and other features use only this.
export * from './profile.js';
export * from './workspace.js';
export * from './suggested-matches.js';
