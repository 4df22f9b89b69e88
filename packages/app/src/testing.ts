/**
 * Test harness without HTTP: a real database (PGlite in memory, or a fresh database on the server
 * named by DATABASE_URL), the services use cases run on, factories that build what each test needs.
 * The server's testing.ts adds the Fastify app and logged-in clients on top.
 */
import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { hash } from '@node-rs/argon2';
import { insertCall, insertOrganization, insertUser, type DatabaseHandle } from '@scenebridge/db';
import { createTestDatabase } from '@scenebridge/db/testing';
import { creditCodeCheckChar, type CallInput, type Role } from '@scenebridge/domain';
import { testConfig, type AppConfig } from './config.js';
import type { Services } from './context.js';
import { createServices } from './services.js';
import { createTravelClock } from './clock/travel-clock.js';

export interface AppTestContext {
  services: Services;
  handle: DatabaseHandle;
  setNow(d: Date): void;
  close(): Promise<void>;
}

export async function createTestContext(opts: { now?: Date; config?: Partial<AppConfig> } = {}): Promise<AppTestContext> {
  const handle = await createTestDatabase();
  let now = opts.now ?? new Date();
  const config = testConfig(opts.config);
  // With timeTravel the test clock is the base the travel clock moves forward from.
  const clock = config.timeTravel ? createTravelClock(() => now) : undefined;
  const services: Services = createServices(handle.db, config, clock?.now ?? (() => now));
  if (clock) services.clock = clock;
  return {
    services,
    handle,
    setNow: (d) => {
      now = d;
    },
    close: () => handle.close(),
  };
}

export const TEST_PASSWORD = 'Test2026pass';
/**
 * Factory users get an argon2id hash of TEST_PASSWORD at a test-only cost (1 MiB, one pass):
 * every login verifies it with the production `verifyPassword`, which reads the cost from the
 * hash, so each test login takes well under a millisecond instead of ~20 ms. Production
 * hashing (auth/password.ts, its parameters held by testing.test.ts) is untouched, and so is
 * any password a test sets through registration, user creation or a password change.
 */
export const TEST_HASH_COST = { memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;
let passwordHash: Promise<string> | undefined;
const hashed = () => (passwordHash ??= hash(TEST_PASSWORD, TEST_HASH_COST));

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export function randomCreditCode(prefix = '91500112'): string {
  let body = prefix;
  const bytes = randomBytes(17);
  for (let i = body.length; i < 17; i++) body += ALPHABET[bytes[i]! % 31];
  return body + creditCodeCheckChar(body);
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;

export async function makeOrganization(
  services: Services,
  opts: { status?: string; kind?: string; name?: string; operator?: boolean } = {},
) {
  return insertOrganization(services.db, {
    name: opts.name ?? `测试机构${unique()}`,
    creditCode: randomCreditCode(),
    kind: opts.kind ?? 'private_enterprise',
    regionCode: '500112',
    contactName: '张三',
    contactPhone: '13800138000',
    status: opts.status ?? 'approved',
    isPlatformOperator: opts.operator ?? false,
  });
}

export async function makeUser(services: Services, organizationId: string, roles: Role[]) {
  return insertUser(services.db, {
    organizationId,
    email: `u${unique()}@test.example.cn`,
    displayName: '测试用户',
    passwordHash: await hashed(),
    roles,
  });
}

export function callInput(overrides: Partial<CallInput> = {}, now = new Date()): CallInput {
  return {
    title: '2026年人工智能应用场景需求征集',
    listType: 'scenario_need',
    description: '面向全区征集人工智能应用场景需求，择优纳入场景机会清单。',
    opensAt: new Date(now.getTime() - 86400_000).toISOString(),
    closesAt: new Date(now.getTime() + 7 * 86400_000).toISOString(),
    reviewScheme: {
      reviewersPerItem: 3,
      blind: false,
      criteria: [
        { key: 'urgency', name: '需求迫切性', weight: 30 },
        { key: 'demonstration', name: '示范带动性', weight: 30 },
        { key: 'feasibility', name: '技术可行性', weight: 20 },
        { key: 'openness', name: '开放条件', weight: 20 },
      ],
    },
    ...overrides,
  };
}

export async function makeCall(services: Services, opts: { status?: string; input?: Partial<CallInput> } = {}) {
  const input = callInput(opts.input, services.now());
  return insertCall(services.db, {
    title: input.title,
    listType: input.listType,
    description: input.description,
    opensAt: new Date(input.opensAt),
    closesAt: new Date(input.closesAt),
    status: opts.status ?? 'open',
    reviewScheme: input.reviewScheme,
  });
}

export function scenarioNeedData(overrides: Record<string, unknown> = {}) {
  return {
    title: '汽车零部件表面缺陷机器视觉检测',
    description: '我单位冲压车间每天生产零部件约两万件，目前依靠人工目检，漏检率高、效率低，希望引入机器视觉检测方案实现在线全检。',
    sector: 'manufacturing',
    techFields: ['computer_vision'],
    regionCode: '500112',
    budgetMin: 50,
    budgetMax: 200,
    dataOpenness: 'on_request',
    siteOpenness: 'open',
    expectedOutcome: '检测准确率达到98%以上，替代80%人工目检工作量',
    contact: { name: '李工', phone: '023-63891234', email: 'li@test.example.cn', public: false },
    ...overrides,
  };
}

/** A 1×1 RGB PNG: the smallest file the upload sniffing accepts as an image. */
export function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The same name as the server harness's context, for tests written against either. */
export type TestContext = AppTestContext;
