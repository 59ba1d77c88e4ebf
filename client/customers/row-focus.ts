/** Where a key moves the row focus on a page of `count` rows; undefined: the key does not move it. */
export function nextRowIndex(key: string, current: number, count: number): number | undefined {
  if (count === 0) return undefined;
  const from = clampRowIndex(current, count);
  switch (key) {
    case 'ArrowDown':
      return Math.min(from + 1, count - 1);
    case 'ArrowUp':
      return Math.max(from - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

/** The focused row on a page of `count` rows: where it was, or the last row when the page got shorter. */
export function clampRowIndex(index: number, count: number): number {
  return Math.max(0, Math.min(index, count - 1));
}

/** Whether keys pressed in `target` are typing (a text field), not moving between rows. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type);
}
