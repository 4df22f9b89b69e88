/**
 * The words that follow or frame a number in Chinese policy language. Physical measures that are
 * not counts of things (area, length, height, weight, storage, power, wafer inches) are deliberately
 * absent: a number followed by them is not a term.
 */

/** Measure words (量词) that make a number a count; longer ones first so 人次 wins over 人. */
export const MEASURE_WORDS = [
  '人次',
  '家次',
  '项次',
  '户次',
  '场次',
  '批次',
  '架次',
  '车次',
  '台次',
  '台套',
  '家',
  '个',
  '项',
  '名',
  '人',
  '种',
  '次',
  '所',
  '座',
  '条',
  '件',
  '台',
  '套',
  '批',
  '位',
  '支',
  '只',
  '辆',
  '架',
  '艘',
  '户',
  '处',
  '场',
  '篇',
  '款',
  '片',
  '块',
  '张',
  '株',
  '头',
  '栋',
  '间',
  '期',
  '册',
  '本',
  '份',
  '门',
] as const;

/** Measure-word characters that, followed by these, start another word (所有, 条件, 门槛 …). */
export const MEASURE_WORD_FALSE_STARTS: Readonly<Record<string, readonly string[]>> = {
  所: ['有', '在', '得', '属', '需', '以'],
  条: ['件', '例', '线'],
  件: ['事'],
  门: ['槛', '类', '户', '诊'],
  期: ['间', '限', '末', '初', '内'],
  // 五届十次全会: the session numbering of a meeting is an ordinal.
  次: ['要', '年', '日', '月', '序', '级', '性', '全会', '会议', '党代会', '代表大会'],
  本: ['地', '市', '区', '县', '级', '单位', '办法', '通知', '次', '年'],
  头: ['部', '雁'],
  间: ['接'],
  台: ['阶', '湾'],
  场: ['景', '地', '所', '馆', '站', '区', '景化'],
  处: ['理', '置', '于'],
  张: ['江'],
  批: ['准', '复', '次'],
  位: ['一体'],
  名: ['单', '称', '义', '牌', '优', '列'],
  种: ['子', '业', '植', '养', '质'],
  片: ['区'],
  块: ['链'],
  支: ['持', '付', '出', '撑'],
  份: ['额'],
  户: ['籍', '口'],
  人: ['才', '员', '民', '工', '口', '们', '力', '次', '社', '群', '大', '均'],
  家: ['庭', '居', '电', '具', '园', '乡', '级', '用'],
  个: ['体', '性', '别', '百分点'],
  项: ['目'],
};

/** Time units as written, longest first; a leading 个 (个月, 个工作日) is dropped. A bare 月 is a month name. */
export const TIME_UNITS = ['个工作日', '工作日', '个小时', '个月', '年', '日', '天', '周', '小时', '分钟'] as const;
/** Time units that only make a term when a window is stated (24小时 alone is a slogan). */
export const WINDOW_ONLY_TIME_UNITS: readonly string[] = ['小时', '分钟', '周'];

/** Money units and their factor to 万元. */
export const MONEY_UNITS: Readonly<Record<string, number>> = { 亿元: 1e4, 万元: 1, 千元: 0.1, 元: 1e-4 };

export const AGE_UNITS = ['周岁', '岁'] as const;

/** An upper bound written before the number (最高给予…, 不超过…). */
export const CAP_BEFORE =
  /(?:不超过|不得超过|不高于|不得高于|不多于|最高|最多|至多|上限|封顶|控制在|(?<![有无不期权时年界局])限)[^，。；：,;:]{0,8}$/;
/** A lower bound written before the number, which cancels a cap word further back (最高…不低于 is rare). */
export const LOWER_BOUND_BEFORE = /(?:不少于|不低于|(?<![不得])超过|突破|达到|以上)$/;
/** An upper bound written after the unit (3项以内, 20%以下). */
/** Not before 的: 5000万元以下的企业 is a threshold that picks the rule, like 以上的. */
export const CAP_AFTER = /^(?:及?以内|之内|及?以下)(?!的)/;

/** A window counted from a named event: the event marker before the number in the same clause. */
export const EVENT_BEFORE = /(?:(?<![今此以然往])后|起|之日|届满|期满)[^，。；,;]{0,6}$/;

/** Words right after a duration that make it part of a name (三年行动计划, 五年规划). */
export const DURATION_NAME_AFTER = /^(?:行动|计划|规划|攻坚|发展规划|级|度|来|前(?![沿列景端瞻])|后|一度)/;

/** Nouns after a count that mark the document's own parts or a list's size, not a term. */
export const LIST_NOUNS_AFTER = /^(?:方面|部分|章|节|板块|维度|层面|环节|阶段|步|原则|坚持|要求|重点任务|方向|措施|举措)/;
/** Organisations a count of issuers is made of (科技部等六部门, 等13个部门). */
export const ISSUER_NOUNS_AFTER = /^(?:部门|部委|单位|省市|委办局)/;
