/**
 * Wraps a listener so it runs at most once per `windowMs`: the first poke runs at once,
 * later pokes inside the window collapse into one trailing run at the window's end.
 * A bulk import that commits hundreds of mutations then costs each client one pull per
 * window, and no poke is ever dropped (the trailing run covers everything before it).
 */
export interface ThrottledListener {
  (): void;
  /** Drops a pending trailing run (the subscriber went away). */
  cancel(): void;
}

export function throttlePokes(listener: () => void, windowMs: number, now: () => number = Date.now): ThrottledListener {
  let lastRun = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    lastRun = now();
    listener();
  };
  const throttled = (() => {
    if (timer !== undefined) return;
    const wait = lastRun + windowMs - now();
    if (wait <= 0) run();
    else timer = setTimeout(run, wait);
  }) as ThrottledListener;
  throttled.cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  return throttled;
}
