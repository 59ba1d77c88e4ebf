import { Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled frame for one chart; `empty` says why nothing is drawn, so a blank chart is not mistaken for a fault. */
export function ChartCard({ title, empty, children }: { title: string; empty?: string | undefined; children: ReactNode }) {
  return (
    <Paper withBorder p="xs" role="group" aria-label={title}>
      <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
        <Text size="sm" fw={500}>
          {title}
        </Text>
        {empty && (
          <Text size="xs" c="dimmed">
            {empty}
          </Text>
        )}
      </Group>
      {children}
    </Paper>
  );
}
