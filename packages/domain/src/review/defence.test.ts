import { describe, expect, it } from 'vitest';
import { allowedActions, decide } from '../state-machine.js';
import { checkSlot, defenceSlotMachine, roomKey, type LiveSlot } from './defence.js';

const now = new Date('2026-12-01T02:00:00Z');
const at = (h: number) => new Date(now.getTime() + h * 3600_000);
const live: LiveSlot[] = [{ id: 's1', startsAt: at(24), endsAt: at(25), room: 'A-301 会议室', applicationIds: ['a1', 'a2'] }];

describe('checkSlot', () => {
  it('accepts a future slot that collides with nothing', () => {
    expect(checkSlot({ startsAt: at(25), endsAt: at(26), room: 'A-301 会议室', applicationIds: ['a3'] }, live, now)).toBeNull();
    expect(checkSlot({ startsAt: at(24), endsAt: at(25), room: null, applicationIds: ['a3'] }, live, now)).toBeNull();
  });

  it('refuses an end not after the start, and a start not in the future', () => {
    expect(checkSlot({ startsAt: at(3), endsAt: at(3), room: null, applicationIds: [] }, [], now)?.code).toBe('DEFENCE_SLOT_TIME_INVALID');
    expect(checkSlot({ startsAt: at(3), endsAt: at(2), room: null, applicationIds: [] }, [], now)?.code).toBe('DEFENCE_SLOT_TIME_INVALID');
    expect(checkSlot({ startsAt: at(0), endsAt: at(1), room: null, applicationIds: [] }, [], now)?.code).toBe('DEFENCE_SLOT_IN_PAST');
  });

  it('keeps an application in one live slot and a room to one slot at a time', () => {
    expect(checkSlot({ startsAt: at(30), endsAt: at(31), room: null, applicationIds: ['a2'] }, live, now)).toMatchObject({
      code: 'DEFENCE_SLOT_APPLICATION_TAKEN',
      applicationId: 'a2',
      slotId: 's1',
    });
    expect(checkSlot({ startsAt: at(24.5), endsAt: at(26), room: ' a-301  会议室', applicationIds: ['a3'] }, live, now)).toMatchObject({
      code: 'DEFENCE_SLOT_ROOM_TAKEN',
      slotId: 's1',
    });
  });

  it('lets a slot be changed in place without colliding with itself', () => {
    expect(
      checkSlot({ id: 's1', startsAt: at(24.5), endsAt: at(25.5), room: 'A-301 会议室', applicationIds: ['a1'] }, live, now),
    ).toBeNull();
  });

  it('compares rooms without case or extra blanks', () => {
    expect(roomKey('  Room   B ')).toBe('room b');
    expect(roomKey(null)).toBeNull();
  });
});

describe('defenceSlotMachine', () => {
  it('reschedules and cancels only while scheduled; cancelling needs a reason', () => {
    expect(allowedActions(defenceSlotMachine, 'scheduled', ['operator'])).toEqual(['reschedule', 'cancel']);
    expect(allowedActions(defenceSlotMachine, 'cancelled', ['operator'])).toEqual([]);
    expect(() => decide(defenceSlotMachine, { from: 'scheduled', action: 'cancel', actors: ['operator'] })).toThrow(
      expect.objectContaining({ code: 'REASON_REQUIRED' }),
    );
    expect(() => decide(defenceSlotMachine, { from: 'scheduled', action: 'cancel', actors: ['owner'], reason: 'x' })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });
});
