import { findDemoAccounts } from '@scenebridge/db';
import * as demo from '@scenebridge/demo';
import type { AppConfig } from './config.js';
import type { Services } from './context.js';

/** A start that must not go ahead; main.ts prints the message and exits with code 2. */
export class UnsafeStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeStartError';
  }
}

/** Before the database is opened: settings that can never be right together. */
export function checkStartSettings(config: AppConfig): void {
  if (config.production && config.timeTravel) {
    throw new UnsafeStartError(
      'SCENEBRIDGE_TIME_TRAVEL=on lets the clock be moved, but this is a production start ' +
        '(NODE_ENV=production or COOKIE_SECURE=true). Unset SCENEBRIDGE_TIME_TRAVEL. 生产环境不能调整时钟。',
    );
  }
  if (config.production && config.seed === 'auto') {
    throw new UnsafeStartError(
      'SCENEBRIDGE_SEED=auto would create demo accounts with a published password, but this is a production start ' +
        '(NODE_ENV=production or COOKIE_SECURE=true). Unset SCENEBRIDGE_SEED. 生产环境不能生成演示数据。',
    );
  }
}

/**
 * After the database is opened: a production start refuses a database holding demo accounts,
 * whose password is published in the README (e.g. a demo database promoted to production).
 */
export async function checkNoDemoAccounts(config: AppConfig, services: Pick<Services, 'db'>): Promise<void> {
  if (!config.production) return;
  const found = await findDemoAccounts(services.db, demo.DEMO_EMAIL_SUFFIX);
  if (found.length === 0) return;
  throw new UnsafeStartError(
    `This database holds demo accounts (${found.slice(0, 3).join(', ')}${found.length > 3 ? ', …' : ''}) whose password is public, ` +
      'and this is a production start (NODE_ENV=production or COOKIE_SECURE=true). Start on a database without demo data, ' +
      'or disable and rename those accounts. 数据库中存在演示账号，生产环境拒绝启动。',
  );
}
