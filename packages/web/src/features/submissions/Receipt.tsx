import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Space, Typography } from 'antd';
import { useMeta } from '../../shared/meta';
import { fmtTime } from '../../shared/time';
import type { Submission } from '../../shared/types';
import { receiptHtml, type ReceiptFacts } from './receipt-html';

/** 提交回执: the reference number and time of a submission, and a printable copy. */
export function Receipt({ s }: { s: Submission }) {
  const meta = useMeta();
  if (!s.receiptNo || !s.submittedAt) return null;
  const facts: ReceiptFacts = {
    receiptNo: s.receiptNo,
    submittedAt: fmtTime(s.submittedAt, 'YYYY年MM月DD日 HH:mm:ss'),
    callTitle: s.callTitle,
    listType: meta.listType(s.listType),
    title: s.title,
    organization: s.organization.name,
    status: meta.submissionState(s.status),
  };
  const print = () => {
    // A window of its own, so the receipt prints without the app's menus and lists.
    const w = window.open('', '_blank', 'width=720,height=900');
    if (!w) return;
    w.document.open();
    w.document.write(receiptHtml(facts));
    w.document.close();
    w.focus();
    w.print();
  };
  return (
    <Alert
      type="success"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="submission-receipt"
      title={
        <Space wrap>
          <span>
            回执编号{' '}
            <Typography.Text strong copyable data-testid="submission-receipt-no">
              {s.receiptNo}
            </Typography.Text>
          </span>
          <Button size="small" icon={<PrinterOutlined />} onClick={print} data-testid="submission-receipt-print">
            打印回执
          </Button>
        </Space>
      }
      description={
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'at', label: '提交时间', children: facts.submittedAt },
            { key: 'call', label: '所属征集', children: s.callTitle },
          ]}
        />
      }
    />
  );
}
