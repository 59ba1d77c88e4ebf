import { Text } from '@mantine/core';
import { memo } from 'react';
import { formatChannels } from '../format/format-metrics.js';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/** Calls up now against the channel limit, orange once at the limit (further calls are refused). */
export const ChannelsCell = memo(function ChannelsCell({ live, limit }: { live: number | undefined; limit: number }) {
  const full = live !== undefined && limit > 0 && live >= limit;
  return (
    <Text size="sm" span c={full ? 'orange' : undefined} fw={full ? 600 : undefined} style={NO_WRAP}>
      {formatChannels(live, limit)}
    </Text>
  );
});
