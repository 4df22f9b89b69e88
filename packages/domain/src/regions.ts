/**
 * GB/T 2260 administrative divisions the platform serves. The region is Chongqing, so all
 * its districts are listed; other provinces and cities appear because suppliers come from
 * elsewhere. Extend the table, never reuse a code for another place.
 */
export const REGIONS: ReadonlyArray<{ code: string; name: string; parent?: string }> = [
  { code: '500000', name: '重庆市' },
  ...(
    [
      ['500101', '万州区'],
      ['500102', '涪陵区'],
      ['500103', '渝中区'],
      ['500104', '大渡口区'],
      ['500105', '江北区'],
      ['500106', '沙坪坝区'],
      ['500107', '九龙坡区'],
      ['500108', '南岸区'],
      ['500109', '北碚区'],
      ['500110', '綦江区'],
      ['500111', '大足区'],
      ['500112', '渝北区'],
      ['500113', '巴南区'],
      ['500114', '黔江区'],
      ['500115', '长寿区'],
      ['500116', '江津区'],
      ['500117', '合川区'],
      ['500118', '永川区'],
      ['500119', '南川区'],
      ['500120', '璧山区'],
      ['500151', '铜梁区'],
      ['500152', '潼南区'],
      ['500153', '荣昌区'],
      ['500154', '开州区'],
      ['500155', '梁平区'],
      ['500156', '武隆区'],
    ] as const
  ).map(([code, name]) => ({ code, name, parent: '500000' })),
  { code: '110000', name: '北京市' },
  { code: '110108', name: '海淀区', parent: '110000' },
  { code: '310000', name: '上海市' },
  { code: '310115', name: '浦东新区', parent: '310000' },
  { code: '320000', name: '江苏省' },
  { code: '320500', name: '苏州市', parent: '320000' },
  { code: '330000', name: '浙江省' },
  { code: '330100', name: '杭州市', parent: '330000' },
  { code: '440000', name: '广东省' },
  { code: '440300', name: '深圳市', parent: '440000' },
  { code: '510000', name: '四川省' },
  { code: '510100', name: '成都市', parent: '510000' },
];

const byCode = new Map(REGIONS.map((r) => [r.code, r]));
export const isKnownRegion = (code: string) => byCode.has(code);

/** "重庆市渝北区" for a district, "重庆市" for a province-level code. */
export function regionFullName(code: string): string {
  const r = byCode.get(code);
  if (!r) return code;
  const parent = r.parent ? byCode.get(r.parent) : undefined;
  return parent ? parent.name + r.name : r.name;
}

/** Accepts a code or a name ("渝北区", "重庆市渝北区"), as spreadsheets carry either. */
export function parseRegion(value: string): string | undefined {
  const v = value.trim();
  if (byCode.has(v)) return v;
  for (const r of REGIONS) if (r.name === v || regionFullName(r.code) === v) return r.code;
  return undefined;
}
