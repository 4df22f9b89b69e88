/** The platform's clock is Asia/Shanghai (UTC+8, no daylight saving). */
export const PLATFORM_TIME_ZONE = 'Asia/Shanghai';

const formatter = new Intl.DateTimeFormat('zh-CN', {
  timeZone: PLATFORM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

export function formatShanghai(at: Date): string {
  return formatter.format(at);
}

/** Half-open window [opensAt, closesAt): at the close time the call is already closed. */
export function isWithinWindow(now: Date, opensAt: Date, closesAt: Date): boolean {
  return now.getTime() >= opensAt.getTime() && now.getTime() < closesAt.getTime();
}
