import { Space, Tag } from 'antd';
import { useMeta } from '../../shared/meta';
import type { ListType } from '../../shared/types';

interface Props {
  listType: ListType;
  sector: string | null;
  sectors: string[];
  techFields: string[];
  regionName: string | null;
  batch?: { id: string; title: string | null } | null;
}

/** Sector(s), technology fields, region and batch of a listing as tags. */
export function ListingTags({ listType, sector, sectors, techFields, regionName, batch }: Props) {
  const meta = useMeta();
  const ownSectors = listType === 'capability' ? sectors : sector ? [sector] : [];
  return (
    <Space size={[4, 4]} wrap data-testid="listing-tags">
      {ownSectors.map((s) => (
        <Tag key={`s-${s}`} color="blue" data-testid="tag-sector">
          {meta.sector(s)}
        </Tag>
      ))}
      {techFields.map((t) => (
        <Tag key={`t-${t}`} color="purple" data-testid="tag-tech">
          {meta.techField(t)}
        </Tag>
      ))}
      {regionName && (
        <Tag color="orange" data-testid="tag-region">
          {regionName}
        </Tag>
      )}
      {batch && (
        <Tag color="gold" data-testid="tag-batch">
          {batch.title ?? '已发布批次'}
        </Tag>
      )}
    </Space>
  );
}
