import { Descriptions, Empty, List, Tag, Typography, type DescriptionsProps } from 'antd';
import { opennessLabel, TRL_LABELS } from '../../shared/labels';
import { useMeta } from '../../shared/meta';
import type { ListType, SubmissionData } from '../../shared/types';

const text = (v: string | undefined) =>
  v ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{v}</Typography.Paragraph> : '—';

function budget(min?: number, max?: number): string {
  if (min == null && max == null) return '—';
  if (min != null && max != null) return min === max ? `${min} 万元` : `${min} – ${max} 万元`;
  return min != null ? `${min} 万元以上` : `${max} 万元以内`;
}

/** All fields of a submission's `data`, with Chinese labels (`hideContact`: blind review, the server removed it). */
export function SubmissionDataView({
  listType,
  data,
  hideContact = false,
}: {
  listType: ListType;
  data: SubmissionData;
  hideContact?: boolean;
}) {
  const meta = useMeta();
  const tags = (codes: string[] | undefined, name: (c: string) => string) =>
    codes?.length ? codes.map((c) => <Tag key={c}>{name(c)}</Tag>) : '—';
  const c = data.contact;
  const contact: DescriptionsProps['items'] = hideContact
    ? []
    : [
        { key: 'cn', label: '联系人', children: c?.name || '—' },
        { key: 'cp', label: '联系电话', children: c?.phone || '—' },
        { key: 'ce', label: '电子邮箱', children: c?.email || '—' },
        { key: 'cpub', label: '公开联系方式', children: c ? (c.public ? '公开' : '不公开') : '—' },
      ];
  const items: DescriptionsProps['items'] =
    listType === 'scenario_need'
      ? [
          { key: 'title', label: '场景名称', children: data.title || '—', span: 'filled' },
          { key: 'desc', label: '场景描述', children: text(data.description), span: 'filled' },
          { key: 'sector', label: '所属领域', children: meta.sector(data.sector) || '—' },
          { key: 'tech', label: '技术领域', children: tags(data.techFields, meta.techField) },
          { key: 'region', label: '场景所在地区', children: meta.region(data.regionCode) || '—' },
          { key: 'budget', label: '预算', children: budget(data.budgetMin, data.budgetMax) },
          { key: 'do', label: '数据开放', children: opennessLabel(data.dataOpenness) || '—' },
          { key: 'so', label: '场地开放', children: opennessLabel(data.siteOpenness) || '—' },
          { key: 'out', label: '预期成效', children: text(data.expectedOutcome), span: 'filled' },
          ...contact,
        ]
      : [
          { key: 'title', label: '能力名称', children: data.title || '—', span: 'filled' },
          { key: 'desc', label: '能力描述', children: text(data.description), span: 'filled' },
          { key: 'tech', label: '技术领域', children: tags(data.techFields, meta.techField) },
          { key: 'sectors', label: '服务领域', children: tags(data.sectors, meta.sector) },
          { key: 'trl', label: '技术成熟度', children: data.maturityTrl ? (TRL_LABELS[data.maturityTrl] ?? `${data.maturityTrl}级`) : '—' },
          { key: 'region', label: '所在地区', children: meta.region(data.regionCode) || '—' },
          {
            key: 'cases',
            label: '应用案例',
            span: 'filled',
            children: data.referenceCases?.length ? (
              <List
                size="small"
                dataSource={data.referenceCases}
                renderItem={(rc, i) => (
                  <List.Item key={i}>
                    <List.Item.Meta
                      title={`${i + 1}. ${rc.title ?? ''}${rc.client ? `（${rc.client}${rc.year ? `，${rc.year}年` : ''}）` : rc.year ? `（${rc.year}年）` : ''}`}
                      description={rc.summary}
                    />
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未填写应用案例" />
            ),
          },
          ...contact,
        ];
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={items}
      styles={{ label: { width: 112, whiteSpace: 'nowrap' } }}
      data-testid="submission-fields"
    />
  );
}
