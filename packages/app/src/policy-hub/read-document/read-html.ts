/**
 * The readable text of a saved web page: the text of its block elements, one per line, without
 * scripts, styles, navigation or the head; entities decoded by the parser.
 */
import { Parser } from 'htmlparser2';

const SKIPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'nav', 'svg', 'iframe', 'object', 'select']);
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'center',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
]);
/** Cells of one row stay on one line, apart. */
const CELLS = new Set(['td', 'th']);

export function readHtml(html: string): string {
  const out: string[] = [];
  let skipped = 0;
  let pre = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipped++;
        if (name === 'pre') pre++;
        if (BLOCKS.has(name)) out.push('\n');
        else if (CELLS.has(name)) out.push(' ');
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipped = Math.max(0, skipped - 1);
        if (name === 'pre') pre = Math.max(0, pre - 1);
        if (BLOCKS.has(name)) out.push('\n');
      },
      ontext(text) {
        // Outside <pre>, a line break in the source is just a space, as the browser shows it.
        if (skipped === 0) out.push(pre > 0 ? text : text.replace(/[\r\n]+/g, ' '));
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return out.join('');
}
