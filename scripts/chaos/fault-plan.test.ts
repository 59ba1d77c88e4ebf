import { describe, expect, it } from 'vitest';
import { planFaults } from './fault-plan.js';

describe('the chaos fault plan', () => {
  it('spreads every fault over the run and ends with a kill at the last change', () => {
    const plan = planFaults(3, 5);
    expect(plan.filter((f) => f.fault === 'kill')).toHaveLength(3);
    expect(plan.filter((f) => f.fault === 'terminate')).toHaveLength(5);
    expect(plan.at(-1)).toEqual({ at: 1, fault: 'kill' });
    expect(plan[0]!.at).toBeGreaterThan(0.1);
    expect(plan.map((f) => f.at)).toEqual([...plan.map((f) => f.at)].sort((a, b) => a - b));
  });

  it('interleaves kills with terminations rather than bunching them', () => {
    expect(planFaults(3, 5).map((f) => f.fault[0]).join('')).toBe('ttktkttk');
  });
});
