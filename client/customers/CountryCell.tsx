import { memo } from 'react';
import { countryName } from '../format/country-names.js';
import { LazyTooltip } from './LazyTooltip.js';
import classes from './grid-cells.module.css';

/** The country code, with its name on hover. */
export const CountryCell = memo(function CountryCell({ code }: { code: string | undefined }) {
  if (!code) return '-';
  return (
    <LazyTooltip label={countryName(code)} withArrow>
      <span className={classes.text}>{code}</span>
    </LazyTooltip>
  );
});
