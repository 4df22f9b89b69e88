/**
 * Hints about vague drafts, shown before submission: what is missing or too general for a
 * supplier (or a demand owner) to judge the listing, each with a stable code, the field it is
 * about and a concrete Chinese suggestion. Hints never block submission; the schema does that.
 *
 * Openness decisions:
 * - data `none` is hinted (DATA_NOT_OPEN) unless the description already says how solutions
 *   can be trained or checked anyway (desensitised samples, test sets, local deployment, data
 *   staying on site): without data or such a route a supplier cannot evaluate its approach;
 * - site `none` is hinted (SITE_NOT_OPEN) only when the need's technology is deployed
 *   physically (robots, vehicles, drones, sensors); software and data needs rarely need a site;
 * - an unanswered openness question is always hinted (NO_DATA_OPENNESS, NO_SITE_OPENNESS).
 * Location means the regionCode field (matching and push notifications use it, not the text);
 * "measurable" is decided by measurable.ts; "too generic" counts content words (objects and
 * problems) after boilerplate, settings and techniques are weighed down as in profile.ts.
 */
import type { Capability, ListType, QualityHintCode, ScenarioNeed, TechFieldCode } from '@scenebridge/domain';
import { normalizeText } from '../normalize.js';
import { defaultSegmenter, type Segmenter } from '../segment.js';
import { isMeasurable } from './measurable.js';
import { CLASS_WEIGHT, weightedWords } from './profile.js';
import { GENERIC_WORDS } from './lexicon.js';

/** The hint codes are the domain's list (QUALITY_HINT_CODES), which the API contract enumerates. */
export type VaguenessCode = QualityHintCode;

export interface VaguenessHint {
  code: VaguenessCode;
  /** The draft field the hint is about (as in packages/domain schemas). */
  field: string;
  message: string;
}

export type NeedDraft = Partial<ScenarioNeed>;
export type CapabilityDraft = Partial<Capability>;

export interface VaguenessOptions {
  segmenter?: Segmenter;
}

/** Shorter descriptions (in characters, spaces aside) rarely say enough to match on. */
export const MIN_DESCRIPTION_CHARS = 60;
/** Fewer distinct specific words than this in title + description: too generic to match. */
export const MIN_SPECIFIC_WORDS = 5;

/** Technology whose trials need a physical site. */
const PHYSICAL_TECH: ReadonlySet<TechFieldCode> = new Set<TechFieldCode>([
  'robotics',
  'autonomous_driving',
  'drones_low_altitude',
  'iot_sensing',
]);
/** Phrases that tell suppliers how to work with data that is not open. */
const DATA_ROUTE =
  /脱敏|样本|测试集|测试数据|标注数据|本地化部署|本地部署|私有化部署|不出域|不出院|不出厂|本地完成|保密协议|沙箱|隐私计算|联邦学习/;

function chars(s: string | undefined): number {
  return (s ?? '').replace(/\s+/g, '').length;
}

/** Distinct specific words (content class: objects, problems), unsegmented single characters and generic words. */
export function specificWords(
  text: string,
  segmenter: Segmenter = defaultSegmenter(),
): { specific: string[]; unknown: string[]; generic: string[] } {
  const specific = new Set<string>();
  const unknown = new Set<string>();
  const generic = new Set<string>();
  for (const [w, weight] of weightedWords(segmenter, normalizeText(text))) {
    // Whole words only: parts weigh at most PART_FACTOR × content.
    if (weight >= CLASS_WEIGHT.content && w.length >= 2) specific.add(w);
    else if (weight === CLASS_WEIGHT.single) unknown.add(w);
    else if (weight === CLASS_WEIGHT.generic && GENERIC_WORDS.has(w)) generic.add(w);
  }
  return { specific: [...specific], unknown: [...unknown], generic: [...generic] };
}

/**
 * How much a title says: the class weights of its distinct whole words, boilerplate aside.
 * One object or problem (1), or a setting with a technique (社区 0.6 + 可穿戴设备 0.5), is
 * enough; a technique alone (视频智能分析) or an umbrella (智慧城市) is not.
 */
export function titleSpecificity(title: string, segmenter: Segmenter = defaultSegmenter()): number {
  const seen = new Map<string, number>();
  for (const [w, weight] of weightedWords(segmenter, normalizeText(title))) {
    if (weight <= CLASS_WEIGHT.generic || weight === CLASS_WEIGHT.number) continue;
    if (weight < CLASS_WEIGHT.technique && weight !== CLASS_WEIGHT.single) continue; // word fragments
    seen.set(w, Math.max(seen.get(w) ?? 0, weight));
  }
  let sum = 0;
  for (const v of seen.values()) sum += v;
  return sum;
}

/** Titles saying less than this (see titleSpecificity) get TITLE_TOO_GENERIC. */
export const MIN_TITLE_SPECIFICITY = 1;

function textHints(title: string | undefined, description: string | undefined, segmenter: Segmenter, listType: ListType): VaguenessHint[] {
  const out: VaguenessHint[] = [];
  const noun = listType === 'scenario_need' ? '场景' : '能力';
  // Single characters jieba could not join (院, 感) count 0.4 each: they may be a rare term.
  if (title && titleSpecificity(title, segmenter) < MIN_TITLE_SPECIFICITY) {
    out.push({
      code: 'TITLE_TOO_GENERIC',
      field: 'title',
      message:
        listType === 'scenario_need'
          ? '名称过于笼统，只看名称无法判断要解决什么问题。建议写成“对象＋问题”的形式，如“热轧钢板表面缺陷在线检测”“独居老人跌倒监测预警”。'
          : '名称过于笼统，只看名称无法判断能做什么。建议写成“技术＋对象＋用途”的形式，如“基于机器视觉的PCB板缺陷检测”“社区养老跌倒监测雷达”。',
    });
  }
  const n = chars(description);
  if (n < MIN_DESCRIPTION_CHARS) {
    out.push({
      code: 'DESCRIPTION_TOO_SHORT',
      field: 'description',
      message:
        listType === 'scenario_need'
          ? `${noun}描述只有${n}个字，难以匹配到合适的供给方。建议按“现状与痛点—要解决的具体问题—应用对象和地点—现有条件”补充到100字以上。`
          : `${noun}描述只有${n}个字，需求方难以判断是否适用。建议写明解决什么问题、适用对象、核心技术和部署方式，补充到100字以上。`,
    });
    return out; // a short text is also generic; one hint is enough
  }
  const { specific, generic } = specificWords(`${title ?? ''}。${description ?? ''}`, segmenter);
  if (specific.length < MIN_SPECIFIC_WORDS) {
    const examples = generic
      .slice(0, 4)
      .map((g) => `“${g}”`)
      .join('、');
    out.push({
      code: 'DESCRIPTION_TOO_GENERIC',
      field: 'description',
      message:
        `描述多为${examples || '通用'}等通用说法，缺少具体对象和问题，难以与${listType === 'scenario_need' ? '供给方能力' : '场景需求'}匹配。` +
        (listType === 'scenario_need'
          ? '建议写明具体对象（如“热轧钢板表面划伤”“独居老人夜间跌倒”）和现有做法的不足（如“靠人工目检，漏检率约5%”）。'
          : '建议写明能解决的具体问题和对象（如“钢板表面划伤、结疤识别”“老人跌倒检测”）及适用条件。'),
    });
  }
  return out;
}

function needHints(d: NeedDraft): VaguenessHint[] {
  const out: VaguenessHint[] = [];
  if (!d.regionCode) {
    out.push({
      code: 'NO_LOCATION',
      field: 'regionCode',
      message: '未填写场景所在地区。请选择到区县，供给方据此判断能否到现场实施，平台也按地区推送。',
    });
  }
  // Reported on budgetMax: the bound to fill when only a ceiling is known.
  if (d.budgetMin === undefined && d.budgetMax === undefined) {
    out.push({
      code: 'NO_BUDGET',
      field: 'budgetMax',
      message: '未填写预算。建议填写预算区间（万元），如“50–100万元”；暂不确定的可只填上限，便于供给方判断投入规模。',
    });
  }
  if (!d.dataOpenness) {
    out.push({
      code: 'NO_DATA_OPENNESS',
      field: 'dataOpenness',
      message: '未说明数据开放情况。请选择“不开放／可按需提供／开放”，并在描述中写明可提供的数据类型和规模，如“近3年设备运行数据约2TB”。',
    });
  } else if (d.dataOpenness === 'none' && !DATA_ROUTE.test(`${d.description ?? ''}${d.expectedOutcome ?? ''}`)) {
    out.push({
      code: 'DATA_NOT_OPEN',
      field: 'dataOpenness',
      message:
        '数据不对外开放时，供给方难以训练和验证方案。建议说明能否提供脱敏样本或测试数据，或是否接受本地化部署、数据不出域的验证方式。',
    });
  }
  if (!d.siteOpenness) {
    out.push({
      code: 'NO_SITE_OPENNESS',
      field: 'siteOpenness',
      message: '未说明是否开放现场。请选择现场开放情况；可安排踏勘或小范围试点的，请在描述中写明地点和时间。',
    });
  } else if (d.siteOpenness === 'none' && (d.techFields ?? []).some((t) => PHYSICAL_TECH.has(t))) {
    out.push({
      code: 'SITE_NOT_OPEN',
      field: 'siteOpenness',
      message:
        '该场景涉及现场部署的设备（机器人、车辆、无人机或传感器），现场不开放时难以测试验证。建议说明能否安排踏勘、试点点位或模拟环境。',
    });
  }
  if (!isMeasurable(d.expectedOutcome)) {
    out.push({
      code: 'NO_MEASURABLE_OUTCOME',
      field: 'expectedOutcome',
      message:
        (d.expectedOutcome?.trim() ? '预期成效中没有可衡量的指标，' : '未填写预期成效，') +
        '建议写明如“检测准确率≥99%”“人工成本降低30%”“响应时间缩短至5分钟以内”等量化目标。',
    });
  }
  return out;
}

function capabilityHints(d: CapabilityDraft): VaguenessHint[] {
  const out: VaguenessHint[] = [];
  if (!d.regionCode) {
    out.push({
      code: 'NO_LOCATION',
      field: 'regionCode',
      message: '未填写所在地区。请选择注册地或主要服务地区（到区县），便于需求方就近对接。',
    });
  }
  if (d.maturityTrl === undefined) {
    out.push({
      code: 'NO_MATURITY',
      field: 'maturityTrl',
      message: '未填写技术成熟度。请选择TRL等级（1–9级），如“TRL7：已在实际环境中完成示范验证”。',
    });
  }
  const cases = d.referenceCases ?? [];
  if (cases.length === 0) {
    out.push({
      code: 'NO_REFERENCE_CASES',
      field: 'referenceCases',
      message: '未填写应用案例。建议至少填写1个已落地案例，写明客户、年份和效果（如“为某区人民医院部署，阅片时间缩短40%”）。',
    });
  }
  const evidence = [d.description ?? '', ...cases.map((c) => c.summary ?? '')].join('。');
  if (!isMeasurable(evidence)) {
    out.push({
      code: 'NO_MEASURABLE_OUTCOME',
      field: 'description',
      message: '能力描述和案例中没有可衡量的性能指标，建议写明如“识别准确率≥98%”“单路视频分析延迟低于200毫秒”“部署周期2周”等。',
    });
  }
  return out;
}

/** Hints for a draft scenario need or capability, in form order (title first); empty for a good entry. */
export function vaguenessHints(listType: 'scenario_need', draft: NeedDraft, opts?: VaguenessOptions): VaguenessHint[];
export function vaguenessHints(listType: 'capability', draft: CapabilityDraft, opts?: VaguenessOptions): VaguenessHint[];
export function vaguenessHints(listType: ListType, draft: NeedDraft | CapabilityDraft, opts?: VaguenessOptions): VaguenessHint[];
export function vaguenessHints(listType: ListType, draft: NeedDraft | CapabilityDraft, opts: VaguenessOptions = {}): VaguenessHint[] {
  const segmenter = opts.segmenter ?? defaultSegmenter();
  const text = textHints(draft.title, draft.description, segmenter, listType);
  const rest = listType === 'scenario_need' ? needHints(draft as NeedDraft) : capabilityHints(draft as CapabilityDraft);
  return [...text, ...rest];
}
