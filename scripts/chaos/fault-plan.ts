export type Fault = 'kill' | 'terminate';

/** A fault and the share of all changes made (0..1] at which it strikes. */
export interface PlannedFault {
  at: number;
  fault: Fault;
}

/**
 * Spreads the faults evenly from 10% of the changes to the very last change, the kills
 * among the terminations and a kill last: the run then measures recovery from the last
 * fault to convergence on its own, not mixed with changes still being made.
 */
export function planFaults(kills: number, terminations: number): PlannedFault[] {
  const total = kills + terminations;
  const killAt = new Set(Array.from({ length: kills }, (_, j) => Math.round(((j + 1) * total) / kills) - 1));
  return Array.from({ length: total }, (_, i) => ({ at: 0.1 + (0.9 * (i + 1)) / total, fault: killAt.has(i) ? 'kill' : 'terminate' }));
}
