import { describe, expect, it } from 'vitest';
import { assertDriverPatched, driverIsPatched } from './driver-patch.js';

describe('the postgres.js install-time fix', () => {
  it('is applied to the driver this app loads', () => {
    expect(driverIsPatched()).toBe(true);
    expect(() => assertDriverPatched()).not.toThrow();
  });
});
