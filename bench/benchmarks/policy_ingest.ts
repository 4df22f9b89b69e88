/**
 * `policy_ingest`: reading and storing a long policy notice (docs/policies.md). The notice is the
 * three real texts kept with the demo package, repeated in turn and cut at a paragraph end once it
 * reaches `scale` characters (default 60,000, the figure).
 *
 * Figures: `read_ms`, the domain's reading alone (metadata, measures, fields, terms, calculator
 * proposals); `ingest_s`, the paste route's use case end to end (normalise, read, one transaction
 * with every measure, term and calculator row); `docx_s`, the same notice uploaded as a .docx
 * (zip guard, text extraction, then the same ingest). Each is the median of 3 runs, each run on a
 * text made distinct by its first line (ingest is idempotent by content).
 */
import { ingestPolicy, ingestPolicyUpload } from '@scenebridge/app/policy-hub';
import { docxOf } from '@scenebridge/app/policy-hub/testing';
import type { Actor } from '@scenebridge/app/context';
import { POLICY_SEED_IDS, policySeedText } from '@scenebridge/demo';
import { readPolicy } from '@scenebridge/domain/policies';
import { makeOrganization, makeUser } from '@scenebridge/server/testing';
import { openBenchDatabase } from '../lib/db.js';
import { median, timed } from '../lib/stats.js';
import { defineBenchmark } from '../lib/types.js';

const RUNS = 3;

function noticeOf(chars: number): string {
  const paragraphs: string[] = [];
  let length = 0;
  for (let round = 0; length < chars; round++) {
    for (const line of policySeedText(POLICY_SEED_IDS[round % POLICY_SEED_IDS.length]!).split('\n')) {
      if (length >= chars) break;
      paragraphs.push(line);
      length += line.length + 1;
    }
  }
  return paragraphs.join('\n');
}

export default defineBenchmark({
  description: 'reading and storing a policy notice of `scale` characters (paste and .docx upload)',
  defaultScale: 60_000,
  timeLimitS: 600,
  figures: [
    { name: 'ingest_s', target: { kind: 'max', value: 3 }, digits: 2 },
    { name: 'docx_s', digits: 2 },
    { name: 'read_ms', digits: 0 },
    { name: 'characters', digits: 0 },
    { name: 'measures', digits: 0 },
    { name: 'terms', digits: 0 },
  ],
  async run({ scale, log }) {
    const text = noticeOf(Math.max(1000, Math.floor(scale)));
    const reading = readPolicy(text);
    const reads: number[] = [];
    for (let i = 0; i < RUNS; i++) reads.push((await timed(async () => readPolicy(`${i}\n${text}`))).seconds * 1000);
    log(
      `${text.length} characters: ${reading.measures.length} measures, ${reading.measures.reduce((n, m) => n + m.terms.length, 0)} terms`,
    );

    const bench = await openBenchDatabase();
    try {
      const { services } = bench;
      const org = await makeOrganization(services, { kind: 'government', operator: true });
      const user = await makeUser(services, org.id, ['operator']);
      const actor: Actor = {
        userId: user.id,
        email: user.email,
        displayName: '政策导入测试',
        roles: ['operator'],
        organizationId: org.id,
        organizationName: org.name,
        organizationStatus: 'approved',
        organizationKind: 'government',
        sessionId: 'bench',
        csrfToken: 'bench',
      };
      const pastes: number[] = [];
      const uploads: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const paste = await timed(() => ingestPolicy({ services, actor, text: `第${i + 1}次导入测试\n${text}`, format: 'paste' }));
        if (!paste.value.created) throw new Error('a distinct text was not stored');
        pastes.push(paste.seconds);
        const docx = await docxOf([`第${i + 1}次上传测试`, ...text.split('\n')]);
        const upload = await timed(() => ingestPolicyUpload({ services, actor, filename: '政策.docx', content: docx }));
        if (!upload.value.created) throw new Error('a distinct upload was not stored');
        uploads.push(upload.seconds);
        log(`run ${i + 1}: paste ${paste.seconds.toFixed(2)} s, docx ${upload.seconds.toFixed(2)} s`);
      }
      return {
        ingest_s: median(pastes),
        docx_s: median(uploads),
        read_ms: median(reads),
        characters: text.length,
        measures: reading.measures.length,
        terms: reading.measures.reduce((n, m) => n + m.terms.length, 0),
      };
    } finally {
      await bench.close();
    }
  },
});
