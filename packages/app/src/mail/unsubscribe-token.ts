/**
 * One-click unsubscribe links. The token is HMAC-SHA256(secret, subscription id) with a
 * random secret kept in app_settings, so only this platform can make a valid link and a link
 * for one subscription says nothing about another. Compared in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { getOrCreateSecret, type Executor } from '@scenebridge/db';

export const UNSUBSCRIBE_SECRET_KEY = 'unsubscribe.hmac_secret';

export const unsubscribeSecret = (db: Executor) => getOrCreateSecret(db, UNSUBSCRIBE_SECRET_KEY);

export function signUnsubscribe(secret: Buffer, subscriptionId: string): string {
  // The version prefix lets a later format coexist with links already in people's mailboxes.
  return createHmac('sha256', secret).update(`unsubscribe:v1:${subscriptionId.toLowerCase()}`).digest('base64url');
}

export function checkUnsubscribe(secret: Buffer, subscriptionId: string, token: string): boolean {
  const expected = Buffer.from(signUnsubscribe(secret, subscriptionId));
  const given = Buffer.from(token);
  // Lengths differ only for malformed tokens; the length of a valid token is public anyway.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The link in the email body (GET) and the List-Unsubscribe target (POST, RFC 8058). */
export function unsubscribeUrl(publicBaseUrl: string, subscriptionId: string, token: string): string {
  return `${publicBaseUrl}/api/v1/unsubscribe?s=${encodeURIComponent(subscriptionId)}&t=${encodeURIComponent(token)}`;
}
