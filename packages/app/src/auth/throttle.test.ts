import { describe, expect, it } from 'vitest';
import { backoffDelays, clientNetwork } from './throttle.js';

describe('backoffDelays', () => {
  it('gives free - 1 attempts no wait, then doubles from 2 s up to the cap, which ends the list', () => {
    expect(backoffDelays(5, 900)).toEqual([0, 0, 0, 0, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900]);
    expect(backoffDelays(20, 60).slice(18)).toEqual([0, 2, 4, 8, 16, 32, 60]);
  });
});

describe('clientNetwork', () => {
  it('counts an IPv6 client per /64, and an IPv4-mapped address as IPv4', () => {
    expect(clientNetwork('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientNetwork('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientNetwork('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientNetwork('203.0.113.7')).toBe('203.0.113.7');
  });
});
