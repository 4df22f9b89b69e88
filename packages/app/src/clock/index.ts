export { createTravelClock, type TravelClock } from './travel-clock.js';
export { advanceClock, advanceClockInput } from './advance-clock.js';
