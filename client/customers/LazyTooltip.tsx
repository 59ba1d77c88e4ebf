import { Tooltip, type TooltipProps } from '@mantine/core';
import { cloneElement, useState, type FocusEvent, type MouseEvent, type ReactElement } from 'react';

type Trigger = ReactElement<{ onMouseEnter?: (e: MouseEvent) => void; onFocus?: (e: FocusEvent) => void }>;

/**
 * A Mantine Tooltip that is only mounted on the first hover or focus. A grid page holds
 * hundreds of tooltips, and mounting each one up front cost more than rendering its row.
 */
export function LazyTooltip({ children, ...props }: Omit<TooltipProps, 'children'> & { children: Trigger }) {
  const [armed, setArmed] = useState(false);
  if (armed) {
    return (
      <Tooltip {...props} defaultOpened>
        {children}
      </Tooltip>
    );
  }
  const arm = () => setArmed(true);
  return cloneElement(children, { onMouseEnter: arm, onFocus: arm });
}
