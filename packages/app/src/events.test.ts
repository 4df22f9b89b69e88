import { describe, expect, it, vi } from 'vitest';
import { AppEventBus } from './events.js';

describe('AppEventBus', () => {
  it('tells every listener, goes on past one that throws, and stops telling one that left', () => {
    const bus = new AppEventBus();
    const heard: string[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    bus.on('publication.changed', () => {
      throw new Error('broken cache');
    });
    const leave = bus.on('publication.changed', () => heard.push('a'));
    bus.on('publication.changed', () => heard.push('b'));
    bus.emit('publication.changed', {});
    leave();
    bus.emit('publication.changed', {});
    expect(heard).toEqual(['a', 'b', 'b']);
    expect(error).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });
});
