/**
 * `import`: a scenario-need XLSX of `scale` rows (generated with the import test helpers),
 * committed with importSubmissions end to end: parse + validate + owner lookup + dedupe +
 * insert + audit chain, in one transaction. Each run uses a fresh database holding the 200
 * owner organisations, an operator and an open call.
 */
import { insertOrganization } from '@scenebridge/db';
import type { Actor } from '@scenebridge/server';
import { parseWorkbook } from '@scenebridge/app/imports';
import { buildWorkbook, sampleCreditCode, sampleRow } from '@scenebridge/app/imports/spreadsheet/testing';
import { makeCall, makeOrganization, makeUser, TEST_PASSWORD } from '@scenebridge/server/testing';
import { login } from '@scenebridge/app/auth';
import { importSubmissions } from '@scenebridge/app/imports';
import { openBenchDatabase } from '../lib/db.js';
import { RssSampler } from '../lib/rss.js';
import { median, timed } from '../lib/stats.js';
import { defineBenchmark } from '../lib/types.js';

const OWNERS = 200;
/** The importer accepts at most 20,000 data rows per file; larger scales import several files. */
const ROWS_PER_FILE = 20_000;
const MAX_RUNS = 3;
/** A second and third run only if the first one was this fast. */
const REPEAT_IF_UNDER_S = 30;

export default defineBenchmark({
  description: 'XLSX import (commit, skipInvalid=false): parse + validate + insert + audit',
  defaultScale: 10_000,
  timeLimitS: 900,
  figures: [
    { name: 'rows_per_s', target: { kind: 'min', value: 2000 }, digits: 0 },
    { name: 'peak_rss_mb', digits: 0 },
    { name: 'rss_growth_mb', digits: 0 },
    { name: 'commit_s', digits: 2 },
    { name: 'parse_s', digits: 2 },
    { name: 'runs', digits: 0 },
  ],
  async run({ scale, log, deadline }) {
    const rows = Math.max(1, Math.floor(scale));
    let t0 = performance.now();
    const files: Buffer[] = [];
    for (let start = 0; start < rows; start += ROWS_PER_FILE) {
      const end = Math.min(rows, start + ROWS_PER_FILE);
      const sheet = [];
      for (let i = start; i < end; i++) sheet.push(sampleRow('scenario_need', i, OWNERS));
      files.push(await buildWorkbook('scenario_need', sheet));
    }
    const bytes = files.reduce((n, f) => n + f.length, 0);
    log(
      `import: built ${files.length} workbook(s), ${rows} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    // Parsing alone (no database), to split the end-to-end time.
    const parse = await timed(async () => {
      let n = 0;
      for (const f of files) {
        const p = await parseWorkbook(f, 'scenario_need');
        if (p.errors.length) throw new Error(`generated workbook has ${p.errors.length} row errors, e.g. ${JSON.stringify(p.errors[0])}`);
        n += p.rows.length;
      }
      return n;
    });
    if (parse.value !== rows) throw new Error(`parsed ${parse.value} rows, expected ${rows}`);
    log(`import: parse only ${parse.seconds.toFixed(2)} s`);

    const commits: number[] = [];
    const peaks: number[] = [];
    const growths: number[] = [];
    for (let run = 0; run < MAX_RUNS && Date.now() < deadline; run++) {
      t0 = performance.now();
      const bench = await openBenchDatabase();
      try {
        const { services } = bench;
        for (let i = 0; i < OWNERS; i++) {
          await insertOrganization(services.db, {
            name: `导入基准机构${i}`,
            creditCode: sampleCreditCode(i),
            kind: 'private_enterprise',
            regionCode: '500112',
            contactName: '张三',
            contactPhone: '13800138000',
            status: 'approved',
            isPlatformOperator: false,
          });
        }
        const opOrg = await makeOrganization(services, { kind: 'government', operator: true });
        const opUser = await makeUser(services, opOrg.id, ['operator']);
        const { actor } = await login({ services, email: opUser.email, password: TEST_PASSWORD });
        const call = await makeCall(services, { status: 'open' });
        log(`import: run ${run + 1} setup ${((performance.now() - t0) / 1000).toFixed(1)} s (${bench.handle.kind})`);

        // RSS before the import (node + the open database; in-memory PGlite alone is several hundred MB).
        const before = process.memoryUsage.rss() / 2 ** 20;
        const rss = new RssSampler(50).start();
        const commit = await timed(async () => {
          let created = 0;
          for (const file of files) {
            const report = await importSubmissions({
              services,
              actor: actor as Actor,
              callId: call.id,
              file,
              mode: 'commit',
              skipInvalid: false,
            });
            created += report.created;
          }
          return created;
        });
        peaks.push(rss.stop());
        growths.push(peaks[peaks.length - 1]! - before);
        if (commit.value !== rows) throw new Error(`import created ${commit.value} submissions, expected ${rows}`);
        commits.push(commit.seconds);
        log(
          `import: run ${run + 1} commit ${commit.seconds.toFixed(2)} s = ${(rows / commit.seconds).toFixed(0)} rows/s, peak RSS ${peaks[peaks.length - 1]!.toFixed(0)} MB (+${growths[growths.length - 1]!.toFixed(0)} MB over ${before.toFixed(0)} MB before)`,
        );
        if (run === 0 && commit.seconds > REPEAT_IF_UNDER_S) break;
      } finally {
        await bench.close();
      }
    }
    const commitS = median(commits);
    return {
      rows_per_s: rows / commitS,
      peak_rss_mb: Math.max(...peaks),
      rss_growth_mb: Math.max(...growths),
      commit_s: commitS,
      parse_s: parse.seconds,
      runs: commits.length,
    };
  },
});
