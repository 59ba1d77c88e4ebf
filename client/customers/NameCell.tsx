import { memo } from 'react';
import type { CustomerWarning } from '../../shared/warnings.js';
import { WarningIcons } from './WarningIcons.js';
import classes from './grid-cells.module.css';

export interface NameCellProps {
  id: string;
  name: string;
  accountRef: string | undefined;
  warnings: readonly CustomerWarning[];
  onOpen: (id: string) => void;
}

/**
 * The customer's name (opens the card), its warning icons and the account ref below.
 * Memoised on exactly what it shows: a status edit of a page of rows leaves it alone.
 */
export const NameCell = memo(function NameCell({ id, name, accountRef, warnings, onOpen }: NameCellProps) {
  return (
    <div className={classes.name}>
      <div className={classes.nameLine}>
        <button type="button" className={classes.open} onClick={() => onOpen(id)}>
          {name}
        </button>
        <WarningIcons warnings={warnings} />
      </div>
      {accountRef && <span className={classes.ref}>{accountRef}</span>}
    </div>
  );
});
