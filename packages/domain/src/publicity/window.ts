/** The objection window of a 公示: half-open [startedAt, endsAt), by the server's clock. */
export interface PublicityWindow {
  status: string;
  startedAt: Date | null;
  endsAt: Date | null;
}

export function isObjectionWindowOpen(p: PublicityWindow, now: Date): boolean {
  if (p.status !== 'running' || !p.startedAt || !p.endsAt) return false;
  return now.getTime() >= p.startedAt.getTime() && now.getTime() < p.endsAt.getTime();
}
