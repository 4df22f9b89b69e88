/** The printable 提交回执 page: plain HTML, every value escaped, no script. */
export interface ReceiptFacts {
  receiptNo: string;
  /** Already formatted in Beijing time. */
  submittedAt: string;
  callTitle: string;
  listType: string;
  title: string;
  organization: string;
  status: string;
}

const escapeHtml = (v: string) =>
  v.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function receiptHtml(f: ReceiptFacts): string {
  const rows: Array<[string, string]> = [
    ['回执编号', f.receiptNo],
    ['提交时间', f.submittedAt],
    ['所属征集', f.callTitle],
    ['清单类型', f.listType],
    ['填报名称', f.title],
    ['填报单位', f.organization],
    ['当前状态', f.status],
  ];
  const body = rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>提交回执 ${escapeHtml(f.receiptNo)}</title>
<style>body{font-family:"SimSun","Songti SC",serif;margin:48px;color:#000}h1{text-align:center;font-size:22px;margin-bottom:32px}
table{width:100%;border-collapse:collapse}th,td{border:1px solid #000;padding:10px 12px;text-align:left;font-size:15px}
th{width:28%;font-weight:normal;background:#f5f5f5}p{margin-top:24px;font-size:13px;line-height:1.8}</style></head>
<body><h1>场景桥 · 填报提交回执</h1><table>${body}</table>
<p>本回执由场景桥平台生成，请妥善保存。咨询办理情况时请提供回执编号；退回修改后重新提交，沿用同一回执编号。</p></body></html>`;
}
