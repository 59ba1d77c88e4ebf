import { Badge, Table, Text } from '@mantine/core';
import type { AlertEvent } from '../../shared/alert-rule.js';
import { AREA_LABELS } from '../../shared/alert-rule.js';
import { valueVersusThreshold } from './alert-format.js';
import { shortDateTime } from './short-time.js';

/** A customer's alert events, newest first. */
export function AlertEventsTable({ events, currency, emptyText }: { events: readonly AlertEvent[]; currency: string; emptyText: string }) {
  return (
    <Table.ScrollContainer minWidth={600} maxHeight={420}>
      <Table fz="xs" verticalSpacing={4} striped stickyHeader aria-label="Alert events">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Time</Table.Th>
            <Table.Th>Rule</Table.Th>
            <Table.Th>Event</Table.Th>
            <Table.Th>Value vs threshold</Table.Th>
            <Table.Th>Penalty until</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{shortDateTime(e.at)}</Table.Td>
              <Table.Td>
                <Text size="xs">{e.ruleName}</Text>
                <Text size="xs" c="dimmed">
                  {AREA_LABELS[e.area] ?? e.area}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge size="xs" variant="light" color={e.kind === 'fired' ? 'red' : 'green'} miw="max-content">
                  {e.kind === 'fired' ? 'Fired' : 'Cleared'}
                </Badge>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{valueVersusThreshold(e, currency)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{shortDateTime(e.penaltyUntil)}</Table.Td>
            </Table.Tr>
          ))}
          {events.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Text size="xs" c="dimmed" ta="center" py="xs">
                  {emptyText}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
