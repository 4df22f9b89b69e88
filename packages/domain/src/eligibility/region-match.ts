/**
 * GB/T 2260 codes nest by their digits: a province is XX0000, a prefecture-level city XXXX00
 * (the municipalities' districts sit under XX01 市辖区), a county or district XXXXXX. A code
 * covers itself and every code below it: 500000 covers 500112, 320500 covers 320506.
 */
const CODE = /^\d{6}$/;

/** The digits that everything under `code` starts with. */
function prefixOf(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

export function regionCovers(parent: string, child: string): boolean {
  if (!CODE.test(parent) || !CODE.test(child)) return parent === child;
  return child.startsWith(prefixOf(parent));
}
