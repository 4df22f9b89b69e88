import type { FunnelChart, ThroughputChart, TurnoverGroup } from '@scenebridge/contract/dashboard';
import { describe, expect, it } from 'vitest';
import { funnel, rankedBars, stageDurations, turnoverByType } from './charts';

const group = (key: string, label: string, count: number, contractAmountFen: number): TurnoverGroup => ({
  key,
  label,
  count,
  contractAmountFen,
  technologyAmountFen: Math.floor(contractAmountFen / 2),
});

describe('dashboard chart builders', () => {
  it('ranks bars by 合同成交额, largest first, and tables every row in 万元', () => {
    const groups = [group('a', '渝中区', 1, 5_000_000), group('b', '沙坪坝区', 2, 41_000_000_000), group('c', '渝北区', 3, 300_000_000)];
    const built = rankedBars(groups, { phone: false, caption: '按地区', category: '地区', limit: 2 });
    expect(built.table.rows.map((r) => r[0])).toEqual(['沙坪坝区', '渝北区', '渝中区']);
    expect(built.table.rows[0]).toEqual(['沙坪坝区', '2', '41,000.00', '20,500.00']);
    expect(built.note).toBe('单位：亿元');
    expect(built.label).toContain('前 2 项');
    const yAxis = built.option.yAxis as { data: string[] };
    expect(yAxis.data).toEqual(['沙坪坝区', '渝北区']);
  });

  it('leaves zero slices out of the pie but keeps them in its table', () => {
    const built = turnoverByType([group('x', '技术咨询', 0, 0), group('y', '技术服务', 1, 100)], { phone: true, kind: 'pie' });
    const series = built.option.series as { data: { name: string }[] }[];
    expect(series[0]!.data.map((d) => d.name)).toEqual(['技术服务']);
    expect(built.table.rows).toHaveLength(2);
  });

  it('keeps the funnel in stage order with shares of the published', () => {
    const data = {
      period: { from: '2026-01-01', to: '2026-12-31', year: 2026 },
      batch: null,
      batches: [],
      stages: [
        { stage: 'published', label: '发布', count: 10, shareOfPublished: 1 },
        { stage: 'viewed', label: '被浏览', count: 12, shareOfPublished: 1.2 },
        { stage: 'registered', label: '合同登记', count: 1, shareOfPublished: 0.1 },
      ],
    } as FunnelChart;
    const built = funnel(data, { phone: false });
    expect(built.table.rows).toEqual([
      ['发布', '10', '100.0%'],
      ['被浏览', '12', '120.0%'],
      ['合同登记', '1', '10.0%'],
    ]);
    const series = built.option.series as { sort: string }[];
    expect(series[0]!.sort).toBe('none');
  });

  it('shows a stage nobody went through as “—”', () => {
    const data: ThroughputChart = {
      byMonth: [],
      listingStages: [{ key: 'submitted_reviewed', label: '提交 → 进入评审', medianDays: 6.5, count: 4 }],
      dealStages: [{ key: 'negotiating_signed', label: '谈判 → 签约', medianDays: null, count: 0 }],
    };
    const built = stageDurations(data, { phone: false });
    expect(built.table.rows).toEqual([
      ['提交 → 进入评审', '清单条目', '6.5', '4'],
      ['谈判 → 签约', '对接项目', '—', '0'],
    ]);
  });
});
