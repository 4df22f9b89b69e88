import { defineMachine } from '../state-machine.js';
import { CONSORTIUM_MEMBER_STATES } from './schema.js';

/**
 * A consortium member's place in an application. The member's admin confirms or declines
 * (the `owner` of the place); a declined member can be invited again by the lead.
 */
export const consortiumMemberMachine = defineMachine({
  name: 'consortium_member',
  states: CONSORTIUM_MEMBER_STATES,
  transitions: [
    { action: 'confirm', from: ['invited'], to: 'confirmed', by: ['owner'] },
    { action: 'decline', from: ['invited', 'confirmed'], to: 'declined', by: ['owner'] },
    { action: 'reinvite', from: ['declined'], to: 'invited', by: ['system'] },
  ],
});
