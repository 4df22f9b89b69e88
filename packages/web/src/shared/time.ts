/** Times are stored with offsets; the UI always shows and edits Beijing time (Asia/Shanghai, UTC+8, no DST). */
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

export const TZ = 'Asia/Shanghai';

export function fmtTime(iso: string | null | undefined, pattern = 'YYYY-MM-DD HH:mm'): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.tz(TZ).format(pattern) : iso;
}

export const fmtDate = (iso: string | null | undefined) => fmtTime(iso, 'YYYY-MM-DD');

/**
 * Pickers work in the browser's zone. To let a user anywhere type Beijing wall-clock time,
 * we show the Beijing wall clock as a local value and read it back with a fixed +08:00.
 */
export function toPickerValue(iso: string): Dayjs {
  return dayjs(dayjs(iso).tz(TZ).format('YYYY-MM-DDTHH:mm:ss'));
}

export function fromPickerValue(d: Dayjs): string {
  return `${d.format('YYYY-MM-DDTHH:mm:ss')}+08:00`;
}

export { dayjs };
