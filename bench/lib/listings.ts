/**
 * Listings for the `search` and `match` benchmarks: `scale` needs and capabilities from the demo
 * generator (⅔ needs, ⅓ capabilities, ~1 organisation per 100 listings), each description
 * lengthened with a sentence from the seed policy texts so that 100,000 listings are not 100,000
 * copies of a few templates. Inserted as `submitted` items of an open call per list type
 * (visible to operators and brokers), plus 200 queries of the kinds people type.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { insertCall, insertSubmissions, type NewSubmission } from '@scenebridge/db';
import { defaultSegmenter, isStopWord } from '@scenebridge/search';
import type { Services } from '@scenebridge/server';
import { denormalise } from '@scenebridge/app/submissions';
import { seedPublishWorld } from './published.js';
import { replyOf } from './load.js';
import { prng } from './stats.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SEEDS_DIR = process.env.SCENEBRIDGE_SEEDS_DIR ?? path.resolve(here, '../../../shared/seeds');
const CHUNK = 10_000;

/** Everyday phrasings (ours, written for the benchmark), mixed in with words taken from listings. */
export const COLLOQUIAL = [
  '工厂质检 看图找缺陷',
  '老人摔倒 自动报警',
  '无人机 巡检',
  '大模型 客服',
  '停车难',
  '5G 工业互联网',
  'AR/VR 展厅',
  'TRL7 视觉检测',
  '病虫害 识别',
  '智能 导诊',
  '桥梁 监测 预警',
  '数字孪生 园区',
  '机器人 巡检 变电站',
  '冷链 物流 追溯',
  '课堂 教学 评估',
  '社区 养老 服务',
  '河道 垃圾 识别',
  '能耗 优化',
  '低空经济',
  '具身智能',
];

export function seedSentences(): string[] {
  if (!fs.existsSync(SEEDS_DIR)) return ['推动人工智能与实体经济深度融合，打造一批可复制可推广的应用场景。'];
  return fs
    .readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8').split(/[。\n]/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 12 && s.length <= 200);
}

type Item = Record<string, unknown> & { title: string };

/** Adds a seed-policy sentence to each description (needs first, then capabilities), drawing from `rand`. */
export function lengthenDescriptions(pool: Record<'scenario_need' | 'capability', Item[]>, rand: () => number): void {
  const sentences = seedSentences();
  for (const items of [pool.scenario_need, pool.capability]) {
    for (const item of items) item.description = `${String(item.description)}${sentences[Math.floor(rand() * sentences.length)]!}。`;
  }
}

/**
 * 200 queries: 70 % two or three words of a random listing, at least one of them a term of the
 * domain dictionary (people search for 机器视觉 or 冷链, not for 支持 or 希望), 30 % everyday phrasings.
 */
export function benchmarkQueries(all: readonly Item[], rand: () => number): string[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const seg = defaultSegmenter();
  const domainTerms = seg.addedTerms;
  const queries: string[] = [];
  while (queries.length < 200) {
    if (rand() < 0.3) {
      queries.push(pick(COLLOQUIAL));
      continue;
    }
    const item = pick(all);
    const words = [...new Set(seg.words(`${item.title}${String(item.description)}`).filter((w) => w.length >= 2 && !isStopWord(w)))];
    const terms = words.filter((w) => domainTerms.has(w));
    if (terms.length === 0 || words.length < 3) continue;
    const n = 1 + Math.floor(rand() * 2);
    queries.push([pick(terms), ...Array.from({ length: n }, () => pick(words))].join(' '));
  }
  return queries;
}

export interface ListingWorld {
  needs: number;
  capabilities: number;
  seedS: number;
  queries: string[];
}

export async function seedListings(services: Services, scale: number, log: (m: string) => void, deadline: number): Promise<ListingWorld> {
  const t0 = performance.now();
  const total = Math.max(3, Math.floor(scale));
  const needs = Math.round((total * 2) / 3);
  const capabilities = total - needs;
  const organizations = Math.max(30, Math.min(2000, Math.round(total / 100)));
  const world = await seedPublishWorld(services, { organizations, needs, capabilities });
  const rand = prng(4242);
  lengthenDescriptions(world.pool, rand);
  const day = 86_400_000;
  const now = services.now().getTime();
  for (const listType of ['scenario_need', 'capability'] as const) {
    const call = await insertCall(services.db, {
      title: `检索基准${listType === 'scenario_need' ? '场景需求' : '场景能力'}征集`,
      listType,
      description: '检索与匹配基准测试用征集活动。',
      opensAt: new Date(now - 90 * day),
      closesAt: new Date(now + 30 * day),
      status: 'open',
      reviewScheme: { reviewersPerItem: 3, blind: false, criteria: [{ key: 'overall', name: '综合评价', weight: 100 }] },
    });
    const pool = world.pool[listType];
    for (let done = 0; done < pool.length; done += CHUNK) {
      const rows: NewSubmission[] = pool.slice(done, done + CHUNK).map((item, i) => {
        const { ownerCreditCode, ...data } = item;
        const when = new Date(now - ((done + i) % 2000) * 3_600_000);
        return {
          callId: call.id,
          organizationId: world.orgIds.get(ownerCreditCode)!,
          listType,
          status: 'submitted',
          data,
          ...denormalise(data),
          title: String(data.title),
          submittedAt: when,
          createdAt: when,
          updatedAt: when,
        };
      });
      await insertSubmissions(services.db, rows);
      if (Date.now() > deadline) throw new Error('seeding did not finish within the time limit');
    }
  }
  const seedS = (performance.now() - t0) / 1000;
  log(`seeded ${total} listings (${needs} needs, ${capabilities} capabilities, ${organizations} organisations) in ${seedS.toFixed(1)} s`);

  const queries = benchmarkQueries([...world.pool.scenario_need, ...world.pool.capability], rand);
  return { needs, capabilities, seedS, queries };
}

/**
 * Sequential GETs (one client, in a worker thread of its own so that its work is not counted
 * as the server's): each request's time in ms.
 */
export async function sequentialGets(origin: string, paths: string[], cookie?: string): Promise<number[]> {
  const worker = new Worker(new URL('./sequential-worker.mjs', import.meta.url), { workerData: { origin, paths, cookie }, execArgv: [] });
  try {
    const reply = await replyOf<{ times: Float64Array; error: string | null }>(worker, (paths.length * 30 + 30) * 1000);
    if (reply.error) throw new Error(reply.error);
    return Array.from(reply.times);
  } finally {
    await worker.terminate();
  }
}
