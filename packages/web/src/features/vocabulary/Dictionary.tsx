import { Alert } from 'antd';
import { PageHeader } from '../../shared/components/PageHeader';
import { BuiltinSynonymsCard } from './BuiltinSynonymsCard';
import { SynonymsCard } from './SynonymsCard';
import { TermsCard } from './TermsCard';

/** 检索词典与同义词 (operators). */
export default function Dictionary() {
  return (
    <div>
      <PageHeader title="检索词典与同义词" sub="扩展中文分词词典和同义词，改进检索、匹配与查重效果" />
      <Alert
        type="info"
        showIcon
        title="修改后，检索索引会在后台按新词典重建，通常在几十秒内生效；重建期间检索仍使用原词典。"
        style={{ marginBottom: 16 }}
      />
      <TermsCard />
      <SynonymsCard />
      <BuiltinSynonymsCard />
    </div>
  );
}
