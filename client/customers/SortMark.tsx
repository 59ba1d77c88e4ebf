import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import type { SortDirection } from '../../shared/grid-view.js';

export interface SortMarkProps {
  title: string;
  /** 1 for the column that sorts first. */
  level: number;
  direction: SortDirection;
  /** The grid draws the first level's arrow itself. */
  primary: boolean;
}

/** A column title with its place in a sort of several levels ("Credit ↓2"), read out as "sorted second, descending". */
export function SortMark({ title, level, direction, primary }: SortMarkProps) {
  const Arrow = direction === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 2, whiteSpace: 'nowrap' }}>
      {title}
      {!primary && <Arrow size={12} aria-hidden />}
      <sup aria-label={`sorted ${ORDINALS[level - 1] ?? level}, ${direction === 'asc' ? 'ascending' : 'descending'}`} style={{ fontSize: 10 }}>
        {level}
      </sup>
    </span>
  );
}

const ORDINALS = ['first', 'second', 'third'];
