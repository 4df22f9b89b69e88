import { DownloadOutlined, GlobalOutlined } from '@ant-design/icons';
import { chineseListMarker } from '@scenebridge/domain/policies';
import { App, Button, Card, Divider, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../shared/http';
import { digestsApi, type DigestDetail } from './api';
import { issueLabel } from './issue';

function Downloads({ digest }: { digest: DigestDetail }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const docx = async () => {
    setBusy(true);
    try {
      await digestsApi.downloadDocx(digest.id);
    } catch (e) {
      void message.error(`下载失败：${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space wrap>
      <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void docx()} data-testid="digest-docx">
        下载 DOCX
      </Button>
      <Button icon={<GlobalOutlined />} href={digestsApi.htmlUrl(digest.id)} target="_blank" rel="noopener" data-testid="digest-html">
        查看网页版
      </Button>
    </Space>
  );
}

/** One issue as readers see it: masthead, contents, each policy with its key measures, directions. */
export function DigestView({ digest }: { digest: DigestDetail }) {
  const published = digest.status === 'published';
  return (
    <div data-testid="digest-view">
      <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Link to="/policy-digests">← 政策动态</Link>
        {published && <Downloads digest={digest} />}
      </Space>
      <Card>
        <header style={{ textAlign: 'center' }}>
          <Typography.Title level={1} style={{ color: '#c00', letterSpacing: 8, margin: 0, fontSize: 32 }}>
            政策动态
          </Typography.Title>
          <Typography.Text data-testid="digest-number">{issueLabel(digest)}</Typography.Text>
          <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8, marginTop: 8 }}>
            <Typography.Text>{digest.publisher}</Typography.Text>
            <Typography.Text>{digest.issuedOn}</Typography.Text>
          </div>
          <Divider style={{ borderColor: '#c00', margin: '8px 0 16px' }} />
        </header>
        <Typography.Title level={2} style={{ fontSize: 20, textAlign: 'center' }}>
          {digest.title}
        </Typography.Title>
        {digest.intro && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{digest.intro}</Typography.Paragraph>}
        <Typography.Title level={3} style={{ fontSize: 16 }}>
          目录
        </Typography.Title>
        <ol style={{ listStyle: 'none', paddingLeft: 0 }}>
          {digest.items.map((item, i) => (
            <li key={item.policy.id}>
              <a href={`#digest-item-${i + 1}`}>
                {chineseListMarker(i + 1)}
                {item.policy.title}
              </a>
            </li>
          ))}
        </ol>
        {digest.items.map((item, i) => (
          <section key={item.policy.id} id={`digest-item-${i + 1}`} style={{ marginTop: 24 }}>
            <Typography.Title level={3} style={{ fontSize: 17 }}>
              {chineseListMarker(i + 1)}
              <Link to={`/policies/${item.policy.id}`}>{item.policy.title}</Link>
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{item.summary}</Typography.Paragraph>
            {item.measures.length > 0 && (
              <ul style={{ paddingLeft: 20 }}>
                {item.measures.map((m) => (
                  <li key={m.id} style={{ marginBottom: 6 }}>
                    <Typography.Text strong>
                      {m.marker} {m.heading ?? ''}
                    </Typography.Text>
                    <Typography.Paragraph type="secondary" ellipsis={{ rows: 3, expandable: true, symbol: '展开' }} style={{ margin: 0 }}>
                      {m.text}
                    </Typography.Paragraph>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
        {digest.directions.length > 0 && (
          <section style={{ marginTop: 24 }}>
            <Typography.Title level={3} style={{ fontSize: 17 }}>
              本期推荐研究方向
            </Typography.Title>
            {digest.directions.map((d, i) => (
              <Typography.Paragraph key={`${d.title}-${i}`}>
                <Typography.Text strong>
                  {i + 1}. {d.title}
                </Typography.Text>
                {d.text && <>：{d.text}</>}
              </Typography.Paragraph>
            ))}
          </section>
        )}
      </Card>
    </div>
  );
}
