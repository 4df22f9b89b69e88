import { WarningOutlined } from '@ant-design/icons';
import { Alert, Flex, List, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { fieldLabel, pct } from '../../shared/labels';
import type { QualityReport, VisibleDuplicate } from '../../shared/types';

/** One the caller may see: a link, the similarity, whose it is, its state and the words both use. */
function VisibleDuplicateItem({ d }: { d: VisibleDuplicate }) {
  return (
    <Flex vertical gap={2} style={{ width: '100%' }}>
      <Flex justify="space-between" gap={8} align="center">
        <Link to={`/listings/${d.id}`} target="_blank" data-testid="quality-duplicate-link">
          {d.title}
        </Link>
        <Tag
          color={d.similarity >= 0.85 ? 'red' : 'orange'}
          style={{ flex: 'none', marginInlineEnd: 0 }}
          data-testid="quality-duplicate-similarity"
        >
          相似度 {pct(d.similarity)}
        </Tag>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {d.mine && <Tag color="blue">本机构</Tag>}
        {[d.organizationName, d.statusLabel, d.batchTitle].filter(Boolean).join(' · ')}
      </Typography.Text>
      {d.sharedTerms.length > 0 && (
        <Flex gap={4} wrap>
          {d.sharedTerms.slice(0, 6).map((t) => (
            <Tag key={t} style={{ marginInlineEnd: 0 }}>
              {t}
            </Tag>
          ))}
        </Flex>
      )}
    </Flex>
  );
}

/**
 * Near-duplicates (visible ones with a similarity and a link; another organisation's unpublished
 * near copy only as one line) and concrete hints on vague entries.
 */
export function QualityPanel({ report }: { report: QualityReport }) {
  const { duplicates, hints } = report;
  if (duplicates.length === 0 && hints.length === 0) {
    return <Alert type="success" showIcon title="未发现相似条目，内容完整度良好" data-testid="quality-ok" />;
  }
  return (
    <div data-testid="quality-panel">
      {duplicates.length > 0 && (
        <>
          <Typography.Text strong>
            <WarningOutlined style={{ color: '#fa8c16', marginInlineEnd: 6 }} />
            发现 {duplicates.length} 条相似条目
          </Typography.Text>
          <List
            size="small"
            dataSource={duplicates}
            renderItem={(d, i) => (
              <List.Item data-testid={`quality-duplicate-${i}`} style={{ paddingInline: 0 }}>
                {d.visible ? (
                  <VisibleDuplicateItem d={d} />
                ) : (
                  <Typography.Text type="secondary" data-testid="quality-duplicate-hidden">
                    平台上已有一条相似的未公开条目。如为同一事项，可联系运营方确认，避免重复填报。
                  </Typography.Text>
                )}
              </List.Item>
            )}
          />
        </>
      )}
      {hints.length > 0 && (
        <>
          <Typography.Text strong style={{ display: 'block', marginTop: duplicates.length ? 8 : 0 }}>
            完善建议
          </Typography.Text>
          <List
            size="small"
            dataSource={hints}
            renderItem={(h) => (
              <List.Item data-testid={`quality-hint-${h.code}`} style={{ paddingInline: 0 }}>
                <Typography.Text>
                  {h.field && <Tag color="gold">{fieldLabel(h.field)}</Tag>}
                  {h.message}
                </Typography.Text>
              </List.Item>
            )}
          />
        </>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        以上为提示，不影响保存和提交。
      </Typography.Text>
    </div>
  );
}
