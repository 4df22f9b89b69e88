import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration from the environment', () => {
  it('allows 20 logins a minute per address unless LOGIN_RATE_LIMIT_PER_MINUTE says otherwise, and refuses nonsense', () => {
    expect(loadConfig({}).loginRateLimitPerMinute).toBe(20);
    expect(loadConfig({ LOGIN_RATE_LIMIT_PER_MINUTE: '300' }).loginRateLimitPerMinute).toBe(300);
    for (const bad of ['0', '-5', '2.5', 'many']) expect(() => loadConfig({ LOGIN_RATE_LIMIT_PER_MINUTE: bad })).toThrow();
  });
});
