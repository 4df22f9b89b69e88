/**
 * The standalone HTML page of a 政策动态 issue (layout in digest-document.ts): one file with its
 * own styles and no script, every value escaped (shared html``), so it can be saved, mailed or
 * put on another site as it is.
 */
import { html, raw } from '../shared/index.js';
import type { DigestDocument } from './digest-document.js';

/** A constant, never user content: it goes into <style> unescaped. */
const STYLE = `body{margin:0;padding:32px 16px;background:#f5f5f5;font-family:"SimSun","Songti SC","Noto Serif CJK SC",serif;color:#111;line-height:1.9}
main{max-width:800px;margin:0 auto;background:#fff;padding:40px 48px}
.masthead{text-align:center;color:#c00000;font-family:"SimHei","Heiti SC","Noto Sans CJK SC",sans-serif;font-size:2.6rem;letter-spacing:.3em;margin:0}
.number,.publisher{text-align:center;margin:.2em 0}
.date{text-align:center;margin:.2em 0 1.2em;padding-bottom:.6em;border-bottom:2px solid #c00000}
h1{text-align:center;font-size:1.3rem}h2{font-family:"SimHei","Heiti SC","Noto Sans CJK SC",sans-serif;font-size:1.1rem;margin-top:2em}
p.indent{text-indent:2em;margin:.4em 0}.contents{list-style:none;padding:0}.measures{color:#333}.measures p{white-space:pre-line}`;

export function digestToHtml(doc: DigestDocument): string {
  return html`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${doc.masthead} ${doc.numberText} ${doc.title}</title>
<style>${raw(STYLE)}</style></head>
<body><main>
<p class="masthead">${doc.masthead}</p>
<p class="number">${doc.numberText}</p>
<p class="publisher">${doc.publisher}</p>
<p class="date">${doc.dateText}</p>
<h1>${doc.title}</h1>
${doc.intro ? html`<section><h2>编者按</h2>${doc.intro.split(/\n+/).map((p) => html`<p class="indent">${p}</p>`)}</section>` : ''}
<nav><h2>目录</h2><ul class="contents">${doc.contents.map((c, i) => html`<li><a href="#s${i + 1}">${c}</a></li>`)}</ul></nav>
${doc.sections.map(
  (s, i) => html`<section id="s${i + 1}"><h2>${s.heading}</h2>${s.paragraphs.map((p) => html`<p class="indent">${p}</p>`)}
${s.measures.length ? html`<div class="measures"><h3>措施原文</h3>${s.measures.map((m) => html`<p class="indent">${m}</p>`)}</div>` : ''}</section>`,
)}
${doc.directions.length ? html`<section id="s${doc.sections.length + 1}"><h2>${doc.directionsHeading}</h2><ol>${doc.directions.map((d) => html`<li><strong>${d.title}</strong>${d.text ? html`<p>${d.text}</p>` : ''}</li>`)}</ol></section>` : ''}
</main></body></html>`.value;
}
