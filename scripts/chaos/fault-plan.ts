export type Fault = 'kill' | 'terminate';

/** A fault and the share of all changes made (0..1) at which it strikes. */
export interface PlannedFault {
  at: number;
  fault: Fault;
}

/**
 * Spreads the kills and the connection terminations evenly over the run, interleaved,
 * between 10% and 90% of the changes, so each fault meets devices and the switch in
 * full flow and the last one still leaves work to recover.
 */
export function planFaults(kills: number, terminations: number): PlannedFault[] {
  const spread = (n: number, fault: Fault, offset: number): PlannedFault[] =>
    Array.from({ length: n }, (_, i) => ({ at: 0.1 + (0.8 * (i + offset)) / Math.max(1, n), fault }));
  return [...spread(kills, 'kill', 0.5), ...spread(terminations, 'terminate', 0.25)].sort((a, b) => a.at - b.at);
}
