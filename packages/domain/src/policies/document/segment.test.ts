import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownSpan, segmentPolicy, type PolicySegment } from './segment.js';
import { seedText } from './seeds.testing.js';

const slice = (text: string, s: PolicySegment): string => text.slice(s.span.start, s.span.end);
const childrenOf = (all: readonly PolicySegment[], s: PolicySegment): PolicySegment[] => all.filter((c) => c.parentId === s.id);
const top = (all: readonly PolicySegment[]): PolicySegment[] => all.filter((s) => s.depth === 1);
const byHeading = (all: readonly PolicySegment[], heading: string): PolicySegment => {
  const found = all.find((s) => s.heading === heading);
  if (found === undefined) throw new Error(`no segment headed ${heading}`);
  return found;
};

/** The structural promises every segmentation keeps, whatever the text. */
function expectWellFormed(text: string, segments: readonly PolicySegment[]): void {
  const ids = new Map(segments.map((s) => [s.id, s]));
  expect(ids.size).toBe(segments.length);
  for (const s of segments) {
    const body = slice(text, s);
    expect(body.length).toBeGreaterThan(0);
    expect(body).toBe(body.trimEnd());
    expect(text.slice(s.span.start).startsWith(body)).toBe(true);
    expect(text.slice(s.span.start, s.span.end).replace(/^\*\*/, '').startsWith(s.marker)).toBe(true);
    expect(s.bodySpan.start).toBeGreaterThanOrEqual(s.span.start);
    expect(s.bodySpan.end).toBe(s.span.end);
    if (s.headingSpan !== undefined) {
      expect(s.headingSpan.start).toBeGreaterThanOrEqual(s.span.start);
      expect(s.headingSpan.end).toBeLessThanOrEqual(s.span.end);
    }
    if (s.parentId !== undefined) {
      const parent = ids.get(s.parentId);
      expect(parent?.depth).toBe(s.depth - 1);
      expect(s.span.start).toBeGreaterThan(parent?.span.start ?? Infinity);
      expect(s.span.end).toBeLessThanOrEqual(parent?.span.end ?? -1);
    } else {
      expect(s.depth).toBe(1);
    }
  }
  for (const parentId of new Set(segments.map((s) => s.parentId))) {
    const siblings = segments.filter((s) => s.parentId === parentId);
    for (let i = 1; i < siblings.length; i++) {
      expect((siblings[i] as PolicySegment).span.start).toBeGreaterThanOrEqual((siblings[i - 1] as PolicySegment).span.end);
    }
  }
}

describe('segmentPolicy on the digest of four notices (000)', () => {
  const text = seedText('000_');
  const segments = segmentPolicy(text);

  it('keeps every span exact and nested', () => {
    expectWellFormed(text, segments);
  });

  it('finds the four notices and the recommended research directions, not the contents page', () => {
    const parts = top(segments);
    expect(parts.map((s) => s.kind)).toEqual(['notice', 'notice', 'notice', 'notice', 'section']);
    expect(parts.map((s) => s.marker)).toEqual(['一、', '二、', '三、', '四、', '五、']);
    expect(parts[0]?.heading).toBe('科技部等六部门关于印发《关于加快场景创新以人工智能高水平应用促进经济高质量发展的指导意见》的通知');
    const tocEnd = text.indexOf('一、2022年7月29日');
    expect(tocEnd).toBeGreaterThan(0);
    expect(segments.every((s) => s.span.start >= tocEnd)).toBe(true);
    const directions = parts[4] as PolicySegment;
    expect(directions.heading).toBe('本期推荐研究方向');
    expect(childrenOf(segments, directions).map((s) => s.heading)).toEqual([
      '促进绿色智能家电消费',
      '推动产业全面绿色转型',
      '提升人工智能场景创新能力',
    ]);
  });

  it('restarts the numbering inside each notice', () => {
    expect(top(segments).map((s) => childrenOf(segments, s).length)).toEqual([15, 9, 23, 6, 3]);
  });

  it('reads a measure with its marker and short title', () => {
    const measure = byHeading(segments, '加快经费拨付进度');
    expect(measure.marker).toBe('6.');
    expect(measure.id).toBe('3.6');
    expect(slice(text, measure)).toBe(
      '6.加快经费拨付进度。项目管理部门要加强经费拨付与项目立项的衔接，项目任务书签订后 30 日内，将经费拨付至项目承担单位。',
    );
    expect(text.slice(measure.bodySpan.start, measure.bodySpan.end).startsWith('加快经费拨付进度')).toBe(true);
  });

  it('splits 一是/二是 inside a paragraph, bold markers included', () => {
    const measure = byHeading(segments, '推动现有产业全面绿色转型');
    const items = childrenOf(segments, measure);
    expect(items.map((s) => s.marker)).toEqual(['一是', '二是', '三是', '四是']);
    expect(slice(text, items[1] as PolicySegment).startsWith('**二是**推动能源消费低碳化转型。')).toBe(true);
    expect(slice(text, items[0] as PolicySegment).endsWith('城市级能源大数据平台。')).toBe(true);
    expect(byHeading(segments, '创新绿色服务').marker).toBe('三是');
    const own = ownSpan(segments, measure);
    expect(text.slice(own.start, own.end)).toBe('1.推动现有产业全面绿色转型。');
  });

  it('leaves the credits and distribution list out of every measure', () => {
    const credits = text.indexOf('[总指导]');
    expect(credits).toBeGreaterThan(0);
    expect(Math.max(...segments.map((s) => s.span.end))).toBeLessThan(credits);
  });
});

describe('segmentPolicy on the district five-year plan (001)', () => {
  const text = seedText('001_');
  const segments = segmentPolicy(text);

  it('keeps every span exact and nested', () => {
    expectWellFormed(text, segments);
  });

  it('follows 一、 → (一) → 1. and leaves the glossary out', () => {
    expect(top(segments).map((s) => s.heading)).toEqual([
      '发展基础与机遇挑战',
      '发展思路与发展目标',
      '科技创新与产业创新',
      '成果转化与科技赋能',
      '创新活力与创新生态',
      '保障措施',
    ]);
    const bases = byHeading(segments, '高品质打造产业科创基地');
    expect(bases.marker).toBe('(四)');
    expect(childrenOf(segments, bases).map((s) => s.marker)).toEqual(['1.', '2.', '3.']);
    expect(Math.max(...segments.map((s) => s.span.end))).toBeLessThan(text.indexOf('名词解释'));
  });

  it('reads ——lead paragraphs as items of their section', () => {
    const principles = byHeading(segments, '基本原则');
    const items = childrenOf(segments, principles);
    expect(items).toHaveLength(5);
    expect(items.every((s) => s.marker === '——')).toBe(true);
    expect(items[0]?.heading).toBe('服务全局,着眼未来');
  });
});

describe('segmentPolicy on a newspaper page (003)', () => {
  const text = seedText('003_');
  const segments = segmentPolicy(text);

  it('keeps every span exact and nested', () => {
    expectWellFormed(text, segments);
  });

  it('splits the page into its news items under their headlines', () => {
    const items = top(segments);
    expect(items.every((s) => s.kind === 'news')).toBe(true);
    expect(items.map((s) => s.heading)).toEqual([
      '重庆加快建设全国人工智能应用高地',
      '北京国家级绿色工厂数量已达161家',
      '夯实基本盘培育新动能 奋力开创新型工业化新局面',
    ]);
    expect(slice(text, items[1] as PolicySegment).endsWith('(京 讯)')).toBe(true);
  });

  it('groups each 在…方面 paragraph with the 一是 list it opens', () => {
    const group = byHeading(segments, '在“AI+”产业发展方面');
    expect(group.style).toBe('lead');
    expect(childrenOf(segments, group).map((s) => s.heading)).toEqual([
      '加快“33618”现代制造业集群体系智能化升级',
      '推动农业智能化转型',
      '加速生产性服务业智能化创新',
    ]);
  });

  it('reads a 五是 without its 四是 before it as body text', () => {
    expect(segments.some((s) => s.marker === '五是')).toBe(false);
    expect(text.includes('五是加强人才队伍建设')).toBe(true);
  });
});

describe('segmentPolicy numbering styles', () => {
  const shape = (text: string): string[] => segmentPolicy(text).map((s) => `${s.id}:${s.marker}`);

  it('nests 一、 (一) 1． 1、 （1） ①', () => {
    const text = [
      '一、总体要求',
      '(一)工作目标',
      '1．到2025年建成平台。',
      '2、培育企业。',
      '（1）每年遴选十家。',
      '①首批五家。',
      '②次批五家。',
      '（二）基本原则',
      '二、重点任务',
    ].join('\n');
    expect(shape(text)).toEqual([
      '1:一、',
      '1.1:(一)',
      '1.1.1:1．',
      '1.1.2:2、',
      '1.1.2.1:（1）',
      '1.1.2.1.1:①',
      '1.1.2.1.2:②',
      '1.2:（二）',
      '2:二、',
    ]);
  });

  it('keeps 第X条 numbering across 第X章', () => {
    const text =
      '第一章 总则\n第一条 为了促进创新，制定本办法。\n第二条 本办法适用于本市。\n第二章 支持措施\n第三条 对企业给予奖励。\n第四条 对团队给予支持。';
    const segments = segmentPolicy(text);
    expect(segments.map((s) => `${s.id}:${s.marker}`)).toEqual([
      '1:第一章',
      '1.1:第一条',
      '1.2:第二条',
      '2:第二章',
      '2.1:第三条',
      '2.2:第四条',
    ]);
    expect(segments[0]?.heading).toBe('总则');
  });

  it('accepts a marker only when it continues its sequence', () => {
    const text =
      '一、加强保障\n1.完善制度。\n2.加大投入。\n5.这一行是正文。\n经费按\n3.5%计提，不是新的条目。\n3.强化考核。\n三、这不是第二部分\n二、组织实施';
    expect(shape(text)).toEqual(['1:一、', '1.1:1.', '1.2:2.', '1.3:3.', '2:二、']);
    const third = segmentPolicy(text)[3] as PolicySegment;
    expect(text.slice(third.span.start, third.span.end)).toBe('3.强化考核。\n三、这不是第二部分');
  });

  it('splits inline 一是 lists and restarts them in the next paragraph', () => {
    const text = '1.强化支撑。一是建设平台。二是培育人才，扩大规模。\n2.优化服务。一是简化流程。统一是指标准。二是压缩时限。';
    const segments = segmentPolicy(text);
    expect(segments.map((s) => `${s.id}:${s.marker}:${s.heading ?? ''}`)).toEqual([
      '1:1.:强化支撑',
      '1.1:一是:建设平台',
      '1.2:二是:培育人才',
      '2:2.:优化服务',
      '2.1:一是:简化流程',
      '2.2:二是:压缩时限',
    ]);
  });

  it('skips a table of contents with page numbers', () => {
    const text = '目录\n一、总体要求\t1\n二、主要任务……3\n\n一、总体要求\n坚持创新。\n二、主要任务\n推进建设。';
    const segments = segmentPolicy(text);
    expect(segments.map((s) => s.heading)).toEqual(['总体要求', '主要任务']);
    expect(segments[0]?.span.start).toBe(text.indexOf('一、总体要求\n'));
  });

  it('returns nothing for text without numbering', () => {
    expect(segmentPolicy('为推动科技创新，现提出如下意见。')).toEqual([]);
  });
});

const CN_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
function cnNumeral(n: number): string {
  if (n < 10) return CN_DIGITS[n] ?? '';
  return `${n >= 20 ? (CN_DIGITS[Math.floor(n / 10)] ?? '') : ''}十${CN_DIGITS[n % 10] ?? ''}`;
}

const LEVELS = [(n: number) => `${cnNumeral(n)}、`, (n: number) => `（${cnNumeral(n)}）`, (n: number) => `${n}.`];
const WORDS = ['发展', '创新', '科技企业', '政策', '支持建设', '推动', '平台', '人才'];
/** Body text that looks like numbering but is not: decimals, years, ordinals inside words. */
const LOOKALIKES = ['2.5%', '2022年', '第三方', '十四五', '统一是', '（见附件）', '“小巨人”', '1亿元', '3、5家'];
const phraseArb = fc
  .tuple(fc.constantFrom(...WORDS), fc.array(fc.constantFrom(...WORDS, ...LOOKALIKES), { maxLength: 4 }))
  .map(([head, rest]) => head + rest.join(''));
const paragraphArb = fc.record({
  title: phraseArb,
  body: fc.array(phraseArb, { maxLength: 3 }),
  gap: fc.constantFrom('\n', '\n\n', '\r\n'),
});
type Node = { title: string; body: string[]; gap: string; children: Node[] };
const leafArb = paragraphArb.map((p): Node => ({ ...p, children: [] }));
const midArb = fc
  .record({ p: paragraphArb, children: fc.array(leafArb, { maxLength: 4 }) })
  .map(({ p, children }): Node => ({ ...p, children }));
const treeArb = fc.array(
  fc.record({ p: paragraphArb, children: fc.array(midArb, { maxLength: 4 }) }).map(({ p, children }): Node => ({ ...p, children })),
  { minLength: 1, maxLength: 6 },
);

interface Expected {
  own: string;
  depth: number;
}

function render(nodes: readonly Node[], depth: number, out: { text: string; expected: Expected[] }): void {
  nodes.forEach((node, i) => {
    const own = `${LEVELS[depth]?.(i + 1) ?? ''}${node.title}。${node.body.map((b) => `${b}。`).join('')}`;
    out.expected.push({ own, depth: depth + 1 });
    out.text += own + node.gap;
    render(node.children, depth + 1, out);
  });
}

describe('segmentPolicy on generated numbered paragraphs', () => {
  it('finds every paragraph, in order, with exact non-overlapping spans', () => {
    fc.assert(
      fc.property(treeArb, (tree) => {
        const out = { text: '', expected: [] as Expected[] };
        render(tree, 0, out);
        const segments = segmentPolicy(out.text);
        expectWellFormed(out.text, segments);
        expect(segments.map((s) => s.depth)).toEqual(out.expected.map((e) => e.depth));
        segments.forEach((s, i) => {
          const own = out.expected[i]?.own ?? '';
          const child = segments[i + 1]?.parentId === s.id ? segments[i + 1] : undefined;
          const ownText = out.text.slice(s.span.start, child === undefined ? s.span.end : child.span.start).trimEnd();
          expect(ownText).toBe(own);
        });
      }),
      { numRuns: 200 },
    );
  });
});
