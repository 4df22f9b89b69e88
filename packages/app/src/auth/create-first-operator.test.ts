import { passwordProblem } from '@scenebridge/domain';
import { describe, expect, it } from 'vitest';
import { generatePassword } from './create-first-operator.js';

describe('generated first-operator password', () => {
  it('always satisfies the password rule', () => {
    // A digit-free draw comes up about once in 20; 400 draws would meet one almost surely.
    for (let i = 0; i < 400; i++) {
      const p = generatePassword('ops@platform.gov.cn');
      expect(p).toMatch(/^[A-Za-z2-9]{20}$/);
      expect(passwordProblem(p, 'ops@platform.gov.cn')).toBeNull();
    }
  });
});
