/**
 * The public open-challenges list and the 公示 list as downloadable documents: the rows the
 * portal pages show (never a draft, never who lodged an objection), for XLSX, DOCX and Atom.
 * Both lists are bounded by their reads (open challenges ≤ 200; 公示 running or ended within 90
 * days), so the XLSX is still streamed but never refused for size.
 */
import { eligibilitySummary, formatReward, type EligibilityRulesView } from '@scenebridge/contract/challenges/labels';
import { PUBLICITY_STATUS_LABELS, PUBLICITY_SUBJECT_LABELS } from '@scenebridge/contract/publicity/labels';
import { formatShanghai, regionFullName } from '@scenebridge/domain';
import { publicOpenChallenges } from '../challenges/index.js';
import type { Services } from '../context.js';
import { listPublicPublicityPages } from '../publicity/index.js';
import { exportFileName, writeListWorkbook, type PreparedExport } from '../shared/index.js';
import type { PublicList, PublicListRow } from './documents/index.js';
import { PUBLIC_EXPORTER } from './export-public-entries.js';

export async function openChallengesList(services: Services): Promise<PublicList> {
  const now = services.now();
  const items = await publicOpenChallenges({ services });
  return {
    title: '揭榜挂帅 · 正在揭榜的榜单',
    listPath: '/public/challenges',
    columns: ['榜单名称', '发榜单位', '榜单金额', '申报截止（北京时间）', '申报条件'],
    rows: items.map((c) => ({
      heading: c.title,
      values: [
        c.title,
        c.organizationName,
        formatReward(c.rewardFen),
        formatShanghai(c.applicationDeadline),
        eligibilitySummary(c.eligibility as EligibilityRulesView, regionFullName).join('\n'),
      ],
    })),
    feed: items.map((c) => ({
      id: c.id,
      title: c.title,
      path: `/public/challenges/${c.id}`,
      author: c.organizationName,
      summary: `榜单金额${formatReward(c.rewardFen)}，申报截止${formatShanghai(c.applicationDeadline)}（北京时间）。`,
      published: c.firstOpenedAt ?? c.createdAt,
      updated: c.updatedAt,
    })),
    generatedAt: now,
  };
}

export async function publicityList(services: Services): Promise<PublicList> {
  const items = await listPublicPublicityPages(services);
  const window = (p: (typeof items)[number]) =>
    p.startedAt ? `${formatShanghai(new Date(p.startedAt))} 至 ${p.lastDay ?? ''} 24:00（${p.workingDays}个工作日）` : '—';
  return {
    title: '公示',
    listPath: '/public/publicity',
    columns: ['公示名称', '事项', '公示期（北京时间）', '状态', '序号', '条目名称', '单位', '异议', '条目状态'],
    rows: items.flatMap((p) =>
      p.items.map((i) => {
        const n = i.objections.pending + i.objections.dismissed + i.objections.upheld;
        return {
          heading: `${p.title} · ${i.name}`,
          values: [
            p.title,
            PUBLICITY_SUBJECT_LABELS[p.subjectKind] ?? p.subjectKind,
            window(p),
            PUBLICITY_STATUS_LABELS[p.status] ?? p.status,
            String(i.seq),
            i.name,
            i.organizationName,
            n === 0 ? '无' : `${n}件（待处理${i.objections.pending}，不成立${i.objections.dismissed}，成立${i.objections.upheld}）`,
            i.status === 'revoked' ? `已撤销（异议成立：${i.revokedReason ?? ''}）` : '有效',
          ],
        };
      }),
    ),
    feed: items.map((p) => ({
      id: p.id,
      title: p.title,
      path: `/public/publicity/${p.id}`,
      author: '场景桥 SceneBridge',
      summary: `${PUBLICITY_STATUS_LABELS[p.status] ?? p.status}；${window(p)}；公示条目${p.items.length}个。`,
      published: new Date(p.startedAt ?? p.createdAt),
      updated: new Date(p.finalizedAt ?? p.endedAt ?? p.startedAt ?? p.createdAt),
    })),
    generatedAt: services.now(),
  };
}

/** 导出 Excel of a public list: its rows as the portal shows them, 公众访问 as the exporter. */
export function publicListExport(list: PublicList): PreparedExport {
  return {
    fileName: exportFileName(list.title.replace(/\s*·\s*/g, '_'), list.generatedAt),
    write: (output) =>
      writeListWorkbook(
        {
          sheetName: list.title.split(' · ')[0]!,
          columns: list.columns.map((header, i) => ({
            header,
            width: i === list.columns.length - 1 ? 48 : 20,
            value: (r: PublicListRow) => r.values[i],
          })),
          pages: (async function* () {
            yield list.rows;
          })(),
          filters: [],
          exportedBy: PUBLIC_EXPORTER,
          exportedAt: list.generatedAt,
        },
        output,
      ),
  };
}
