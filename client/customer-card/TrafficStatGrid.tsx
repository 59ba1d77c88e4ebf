import { Paper, SimpleGrid, Text, Tooltip } from '@mantine/core';
import type { TrafficStat } from './traffic-stats.js';

/** The window's figures, compact: one small tile each, the meaning on hover. */
export function TrafficStatGrid({ stats }: { stats: readonly TrafficStat[] }) {
  return (
    <SimpleGrid cols={{ base: 2, xs: 4 }} spacing="xs" verticalSpacing="xs">
      {stats.map((s) => (
        <Paper key={s.label} withBorder px="xs" py={6} role="group" aria-label={s.label}>
          <Tooltip label={s.hint} disabled={!s.hint}>
            <Text size="xs" c="dimmed" w="fit-content">
              {s.label}
            </Text>
          </Tooltip>
          <Text fw={600} size="lg" lh={1.3}>
            {s.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
