import type { FormInstance } from 'antd';
import { ApiError } from './http';
import type { ValidationDetail } from './types';

export type NamePath = Array<string | number>;

/** "contact.phone" / "data.referenceCases.0.title" → ['contact','phone'] / ['referenceCases',0,'title']. */
export function toNamePath(path: string, stripPrefix?: string): NamePath {
  let parts = path.split(/[.[\]]+/).filter(Boolean);
  if (stripPrefix && parts[0] === stripPrefix) parts = parts.slice(1);
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

const same = (a: ReadonlyArray<string | number>, b: ReadonlyArray<string | number>) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Puts VALIDATION_FAILED details next to the matching form fields. Returns the details
 * that match no field (to show in an Alert), or `null` when `err` carries no field errors.
 */
export function applyServerErrors(
  form: FormInstance,
  err: unknown,
  opts: { stripPrefix?: string; remap?: (p: NamePath) => NamePath; codeFields?: Record<string, NamePath> } = {},
): ValidationDetail[] | null {
  if (!(err instanceof ApiError)) return null;
  const registered = form.getFieldsError().map((f) => f.name);
  const codeField = opts.codeFields?.[err.code];
  if (codeField) {
    form.setFields([{ name: codeField, errors: [err.message] }]);
    return [];
  }
  const details = err.fieldErrors;
  if (details.length === 0) return null;
  const unmatched: ValidationDetail[] = [];
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  for (const d of details) {
    let name = toNamePath(d.path, opts.stripPrefix);
    if (opts.remap) name = opts.remap(name);
    // Walk up the path until a registered field matches (e.g. contact → contact.name is not a match, but referenceCases.0 → referenceCases).
    let target: NamePath | undefined;
    for (let n = name.length; n > 0 && !target; n--) {
      const prefix = name.slice(0, n);
      if (registered.some((r) => same(r, prefix))) target = prefix;
    }
    if (!target) {
      unmatched.push(d);
      continue;
    }
    const key = JSON.stringify(target);
    const entry = byField.get(key) ?? { name: target, errors: [] };
    entry.errors.push(d.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  const first = [...byField.values()][0];
  if (first) form.scrollToField(first.name, { block: 'center' });
  return unmatched;
}
