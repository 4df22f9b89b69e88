/** Canonical sectors and technology fields (shared/taxonomy.md). Codes are stable. */
export const SECTORS = [
  { code: 'manufacturing', name: '制造', group: 'economy' },
  { code: 'agriculture', name: '农业', group: 'economy' },
  { code: 'logistics', name: '物流', group: 'economy' },
  { code: 'finance', name: '金融', group: 'economy' },
  { code: 'commerce', name: '商务', group: 'economy' },
  { code: 'home', name: '家居', group: 'economy' },
  { code: 'consumption', name: '消费', group: 'economy' },
  { code: 'transport', name: '交通运输', group: 'economy' },
  { code: 'energy', name: '能源', group: 'economy' },
  { code: 'city', name: '城市管理', group: 'society' },
  { code: 'traffic', name: '交通治理', group: 'society' },
  { code: 'environment', name: '生态环保', group: 'society' },
  { code: 'public_safety', name: '公共安全', group: 'society' },
  { code: 'community', name: '智慧社区', group: 'society' },
  { code: 'healthcare', name: '医疗', group: 'society' },
  { code: 'education', name: '教育', group: 'society' },
  { code: 'elderly_care', name: '养老', group: 'society' },
  { code: 'rural', name: '农村', group: 'society' },
  { code: 'culture_tourism', name: '文化旅游', group: 'society' },
  { code: 'science', name: '科学研究', group: 'science' },
  { code: 'major_events_projects', name: '重大活动与工程', group: 'events' },
] as const;

export const TECH_FIELDS = [
  { code: 'computer_vision', name: '计算机视觉' },
  { code: 'nlp', name: '自然语言处理' },
  { code: 'speech', name: '语音交互' },
  { code: 'knowledge_graph', name: '知识图谱' },
  { code: 'foundation_models', name: '大模型与生成式AI' },
  { code: 'data_intelligence', name: '机器学习与数据智能' },
  { code: 'robotics', name: '机器人与具身智能' },
  { code: 'autonomous_driving', name: '自动驾驶' },
  { code: 'drones_low_altitude', name: '无人机与低空' },
  { code: 'iot_sensing', name: '物联网与感知' },
  { code: 'digital_twin', name: '数字孪生' },
  { code: 'blockchain', name: '区块链' },
  { code: 'privacy_computing', name: '隐私计算' },
  { code: 'xr_metaverse', name: 'AR/VR与元宇宙' },
  { code: 'networks_5g', name: '5G与通信网络' },
  { code: 'industrial_internet', name: '工业互联网' },
  { code: 'cloud_computing', name: '云计算与算力' },
  { code: 'chips_hardware', name: '智能芯片与硬件' },
  { code: 'brain_computer', name: '脑机接口' },
  { code: 'decision_optimization', name: '智能决策与优化' },
] as const;

export type SectorCode = (typeof SECTORS)[number]['code'];
export type TechFieldCode = (typeof TECH_FIELDS)[number]['code'];
export const SECTOR_CODES = SECTORS.map((s) => s.code) as [SectorCode, ...SectorCode[]];
export const TECH_FIELD_CODES = TECH_FIELDS.map((t) => t.code) as [TechFieldCode, ...TechFieldCode[]];

const sectorByName = new Map<string, SectorCode>(SECTORS.map((s) => [s.name, s.code]));
const techByName = new Map<string, TechFieldCode>(TECH_FIELDS.map((t) => [t.name, t.code]));
const sectorByCode = new Map<string, string>(SECTORS.map((s) => [s.code, s.name]));
const techByCode = new Map<string, string>(TECH_FIELDS.map((t) => [t.code, t.name]));

/** Accepts a code or a Chinese name, as spreadsheets carry either. */
export function parseSector(value: string): SectorCode | undefined {
  const v = value.trim();
  return sectorByCode.has(v) ? (v as SectorCode) : sectorByName.get(v);
}
export function parseTechField(value: string): TechFieldCode | undefined {
  const v = value.trim();
  return techByCode.has(v) ? (v as TechFieldCode) : techByName.get(v);
}
export const sectorName = (code: string) => sectorByCode.get(code) ?? code;
export const techFieldName = (code: string) => techByCode.get(code) ?? code;
