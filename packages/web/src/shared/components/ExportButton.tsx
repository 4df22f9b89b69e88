import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { download, errorMessage, type Query } from '../http';

/**
 * 导出 Excel for a list: the server writes every row the viewer may see with the filters given
 * (the page's own filters, without its paging), so the file matches what the list shows.
 */
export function ExportButton({ path, filters, testId = 'export-xlsx' }: { path: string; filters?: Query; testId?: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const key = `export-${path}`;
    message.open({ key, type: 'loading', content: '正在导出，请稍候…', duration: 0 });
    try {
      const name = await download(path, filters, 'export.xlsx');
      message.open({ key, type: 'success', content: `已导出：${name}` });
    } catch (err) {
      message.open({ key, type: 'error', content: `导出失败：${errorMessage(err)}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()} data-testid={testId}>
      导出 Excel
    </Button>
  );
}
