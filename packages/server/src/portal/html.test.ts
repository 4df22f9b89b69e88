import { describe, expect, it } from 'vitest';
import { escapeHtml, html, join, raw, SafeHtml } from '@scenebridge/app/shared';
import { filterQuery, parseListFilters } from './data.js';
import { budgetText, pager } from './pages.js';
import { attachmentDisposition } from './routes.js';

describe('html template helper', () => {
  it('escapes every interpolation unless it is raw() or a nested template', () => {
    const user = `<img src=x onerror="alert('1')">&`;
    const out = html`<p title="${user}">${user}</p>${raw('<br>')}${html`<b>${user}</b>`}`;
    expect(out).toBeInstanceOf(SafeHtml);
    expect(out.value).toBe(
      '<p title="&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;">&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;</p><br><b>&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;</b>',
    );
  });

  it('renders arrays, numbers and skips null, undefined and booleans', () => {
    expect(html`<ul>${['<a>', html`<li>${1}</li>`, null, undefined, false, true, 0]}</ul>`.value).toBe('<ul>&lt;a&gt;<li>1</li>0</ul>');
    expect(join(['a<', html`<i>b</i>`], raw('<hr>')).value).toBe('a&lt;<hr><i>b</i>');
    expect(join(['a', 'b'], '<>').value).toBe('a&lt;&gt;b');
    expect(escapeHtml('"\'&<>')).toBe('&quot;&#39;&amp;&lt;&gt;');
  });
});

describe('portal helpers', () => {
  it('keeps only known filter values and builds the URL in a fixed order', () => {
    const f = parseListFilters({ sector: 'city', techField: 'x', regionCode: '500112', batchId: 'nope', q: '  视觉 ', page: '3' });
    expect(f).toEqual({ sector: 'city', techField: undefined, regionCode: '500112', batchId: undefined, q: '视觉', page: 3 });
    expect(filterQuery(f)).toBe('?sector=city&regionCode=500112&q=%E8%A7%86%E8%A7%89&page=3');
    expect(filterQuery({ ...f, page: 1 })).toBe('?sector=city&regionCode=500112&q=%E8%A7%86%E8%A7%89');
    expect(parseListFilters({ page: ['2', '5'] }).page).toBe(2);
    expect(parseListFilters({ page: 'abc' }).page).toBe(1);
  });

  it('pager shows first, last and neighbours, and marks the current page', () => {
    const out = pager(500, 10, (p) => `/x?page=${p}`).value;
    const pages = [...out.matchAll(/aria-label="第(\d+)页/g)].map((m) => Number(m[1]));
    expect(pages).toEqual([1, 8, 9, 10, 11, 12, 25]);
    expect(out).toContain('aria-current="page" aria-label="第10页，当前页"');
    expect(out).toContain('rel="prev"');
    expect(out).toContain('rel="next"');
    expect(pager(20, 1, (p) => `/x?page=${p}`).value).toBe('');
  });

  it('budget text and attachment header', () => {
    expect(budgetText(50, 200)).toBe('50–200万元');
    expect(budgetText(null, 60)).toBe('不超过60万元');
    expect(budgetText(12.3, null)).toBe('不低于12.3万元');
    expect(budgetText(null, null)).toBeNull();
    expect(attachmentDisposition('2026年第3批（测试）.xlsx', 'a"b.xlsx')).toBe(
      `attachment; filename="a_b.xlsx"; filename*=UTF-8''2026%E5%B9%B4%E7%AC%AC3%E6%89%B9%EF%BC%88%E6%B5%8B%E8%AF%95%EF%BC%89.xlsx`,
    );
  });
});
