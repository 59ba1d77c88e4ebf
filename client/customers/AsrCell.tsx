import { Stack, Text } from '@mantine/core';
import { memo } from 'react';
import { asrPercent, tupleToSums, type CustomerMetrics } from '../../shared/metrics.js';
import { asrColor, asrDetailLines, formatPercent } from '../format/format-metrics.js';
import { LazyTooltip } from './LazyTooltip.js';
import classes from './grid-cells.module.css';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/**
 * The last hour's ASR, coloured once there are enough attempts to judge; hover (or focus)
 * for the counts and NER over the last hour and day. Memoised on the figures object,
 * which is new only when this customer's figures changed.
 */
export const AsrCell = memo(function AsrCell({ metrics }: { metrics: CustomerMetrics | undefined }) {
  if (!metrics) return '-';
  const hour = tupleToSums(metrics.h1);
  const asr = asrPercent(hour);
  const color = asrColor(asr, hour.attempts);
  const detail = (
    <Stack gap={0}>
      {asrDetailLines(hour, tupleToSums(metrics.h24)).map((line) => (
        <Text key={line} size="xs" style={NO_WRAP}>
          {line}
        </Text>
      ))}
    </Stack>
  );
  return (
    <LazyTooltip label={detail} withArrow>
      <span className={color ? `${classes.text} ${classes[color]}` : classes.text} tabIndex={0}>
        {formatPercent(asr)}
      </span>
    </LazyTooltip>
  );
});
