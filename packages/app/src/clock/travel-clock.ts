/**
 * A clock that can be moved forward, for browser journeys and demos that must live through a
 * 公示 period or a deadline (SCENEBRIDGE_TIME_TRAVEL=on). Never in production: the start-up
 * checks refuse it. It only moves forward, so nothing that was decided can become undecided.
 */
export interface TravelClock {
  now(): Date;
  /** Moves the clock forward by `ms` and answers the new time. */
  advance(ms: number): Date;
}

export function createTravelClock(base: () => Date = () => new Date()): TravelClock {
  let offsetMs = 0;
  const now = () => new Date(base().getTime() + offsetMs);
  return {
    now,
    advance(ms) {
      if (!Number.isInteger(ms) || ms <= 0) throw new RangeError('the clock only moves forward');
      offsetMs += ms;
      return now();
    },
  };
}
