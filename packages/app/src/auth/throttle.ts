/**
 * How many password checks a caller gets, and how long the next one waits (docs/adr/0003,
 * "Login throttling (revised 2026-11)"). The counting itself is atomic in the database
 * (claimAuthAttempt); this module only says which counters and which delays.
 */
import type { AttemptScope } from '@scenebridge/db';
import ipaddr from 'ipaddr.js';
import type { AppConfig } from '../config.js';

/**
 * Seconds to wait after the n-th attempt: none for the first free - 1, then 2, 4, 8, … capped.
 * The list ends at the cap, which then holds for every later attempt.
 */
export function backoffDelays(free: number, capSeconds: number): number[] {
  const delays: number[] = [];
  for (let n = 1; ; n++) {
    const d = n < free ? 0 : Math.min(capSeconds, 2 ** (n - free + 1));
    delays.push(d);
    if (d >= capSeconds) return delays;
  }
}

/**
 * The whole account, across every client: loose enough that one client (which its own counter
 * already slows to one try per lockMinutes) cannot push it past a short wait, tight enough that
 * many clients together get about one guess a minute. Candidates for AppConfig.
 */
export const ACCOUNT_FREE_ATTEMPTS = 20;
export const ACCOUNT_CAP_SECONDS = 60;
/** A counter left idle this long starts again from one. */
export const FORGET_AFTER_SECONDS = 24 * 3600;

/** IPv6 clients are counted per /64, which one subscriber usually holds whole. */
export function clientNetwork(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  const addr = ipaddr.process(ip);
  if (addr.kind() === 'ipv4') return addr.toString();
  const parts = (addr as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
  return `${parts.join(':')}::/64`;
}

type ThrottleConfig = Pick<AppConfig, 'lockAfterFailures' | 'lockMinutes'>;

export function loginScopes(config: ThrottleConfig, ip: string): AttemptScope[] {
  return [
    {
      scope: `login:${clientNetwork(ip)}`,
      delays: backoffDelays(config.lockAfterFailures, config.lockMinutes * 60),
      forgetAfterSeconds: FORGET_AFTER_SECONDS,
    },
    { scope: 'login:*', delays: backoffDelays(ACCOUNT_FREE_ATTEMPTS, ACCOUNT_CAP_SECONDS), forgetAfterSeconds: FORGET_AFTER_SECONDS },
  ];
}

/** The session holder is the only caller, so one counter per user. */
export function passwordChangeScope(config: ThrottleConfig): AttemptScope {
  return {
    scope: 'password',
    delays: backoffDelays(config.lockAfterFailures, config.lockMinutes * 60),
    forgetAfterSeconds: FORGET_AFTER_SECONDS,
  };
}
