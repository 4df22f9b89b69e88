/**
 * 技术合同登记编号 (docs/contracts.md): 16 digits — the registration year (4, Asia/Shanghai),
 * the GB/T 2260 code of the registering office's region (6: the seller's region, as
 * registration is done where the seller is, 《技术合同认定登记管理办法》第六条), and a serial
 * within that year and region (6, from 000001). E.g. 2026500112000042. Zod-free.
 */
export const REGISTRATION_SERIAL_DIGITS = 6;
export const REGISTRATION_SERIAL_MAX = 999_999;
export const REGISTRATION_NO_PATTERN = /^(\d{4})(\d{6})(\d{6})$/;

/** The first 10 characters: year + region code; the serial is drawn per prefix. */
export function registrationPrefix(year: number, regionCode: string): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error(`bad registration year ${year}`);
  if (!/^\d{6}$/.test(regionCode)) throw new Error(`bad region code ${regionCode}`);
  return `${year}${regionCode}`;
}

export function formatRegistrationNo(year: number, regionCode: string, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > REGISTRATION_SERIAL_MAX) throw new Error(`bad registration serial ${serial}`);
  return registrationPrefix(year, regionCode) + String(serial).padStart(REGISTRATION_SERIAL_DIGITS, '0');
}

export function parseRegistrationNo(no: string): { year: number; regionCode: string; serial: number } | null {
  const m = REGISTRATION_NO_PATTERN.exec(no.trim());
  if (!m) return null;
  const serial = Number(m[3]);
  if (serial < 1) return null;
  return { year: Number(m[1]), regionCode: m[2]!, serial };
}
