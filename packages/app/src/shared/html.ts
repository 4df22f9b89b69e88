/**
 * A tiny HTML template helper for the server-rendered portal.
 *
 *   html`<p title="${userText}">${userText}</p>`   → every interpolation is escaped
 *   html`<div>${raw(trustedMarkup)}</div>`          → only an explicit raw() passes through
 *   html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>` → nested templates and arrays compose
 *
 * Escaping covers & < > " ' so a value is safe in text and in quoted attributes. Never put a
 * user-supplied value in an unquoted attribute, a URL scheme position, <script> or <style>.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Markup that is already safe: produced by `html` or explicitly trusted with `raw`. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Marks a trusted fragment (never user content) as markup. */
export const raw = (markup: string): SafeHtml => new SafeHtml(markup);

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (value === null || value === undefined || value === false || value === true) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Joins fragments with a (trusted) separator. */
export function join(parts: readonly HtmlValue[], separator: SafeHtml | string = ''): SafeHtml {
  const sep = separator instanceof SafeHtml ? separator.value : escapeHtml(separator);
  return new SafeHtml(parts.map(render).join(sep));
}
