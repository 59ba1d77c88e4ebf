import { Text } from '@mantine/core';
import { memo } from 'react';
import { countryName } from '../format/country-names.js';
import { LazyTooltip } from './LazyTooltip.js';

/** The country code, with its name on hover. */
export const CountryCell = memo(function CountryCell({ code }: { code: string | undefined }) {
  if (!code) return '-';
  return (
    <LazyTooltip label={countryName(code)} withArrow>
      <Text size="sm" span>
        {code}
      </Text>
    </LazyTooltip>
  );
});
