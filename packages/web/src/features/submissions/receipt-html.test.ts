import { describe, expect, it } from 'vitest';
import { receiptHtml } from './receipt-html';

describe('the printable receipt', () => {
  const facts = {
    receiptNo: 'SB2026-000123',
    submittedAt: '2026年12月07日 10:05:00',
    callTitle: '2026年第五批人工智能场景需求征集',
    listType: '场景需求',
    title: '<img src=x onerror=alert(1)>智能巡检',
    organization: '某某科技有限公司',
    status: '已提交',
  };
  it('prints the reference number, time and what was submitted', () => {
    const html = receiptHtml(facts);
    for (const text of ['SB2026-000123', '2026年12月07日 10:05:00', '2026年第五批人工智能场景需求征集', '某某科技有限公司'])
      expect(html).toContain(text);
  });
  it('escapes what users typed', () => {
    const html = receiptHtml(facts);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;智能巡检');
  });
});
