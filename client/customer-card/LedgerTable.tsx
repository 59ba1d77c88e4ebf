import { Badge, Group, Table, Text } from '@mantine/core';
import type { LedgerEntry } from '../../shared/traffic-history.js';
import { formatMoney } from '../format/format-money.js';
import { amountColor, signedMoney } from './balance-entry.js';
import type { PendingBalanceEntry } from './pending-balance-entries.js';
import { shortDateTime } from './short-time.js';

const KIND_COLORS: Record<LedgerEntry['kind'], string> = { opening: 'gray', charge: 'orange', payment: 'green', adjustment: 'blue' };
const KIND_LABELS: Record<LedgerEntry['kind'], string> = { opening: 'Opening', charge: 'Charge', payment: 'Payment', adjustment: 'Adjustment' };

function KindBadge({ kind }: { kind: LedgerEntry['kind'] }) {
  return (
    <Badge size="xs" variant="light" color={KIND_COLORS[kind]} miw="max-content">
      {KIND_LABELS[kind]}
    </Badge>
  );
}

function Amount({ amount, currency }: { amount: string; currency: string }) {
  return (
    <Text size="xs" c={amountColor(amount)} fw={500} ta="right" style={{ whiteSpace: 'nowrap' }}>
      {signedMoney(amount, currency)}
    </Text>
  );
}

const dash = (v: string | null | undefined) => (v ? v : '-');

/** References can be long machine ids ("calls:<uuid>"): one line, the whole on hover. */
function Reference({ value }: { value: string | null | undefined }) {
  if (!value) return <>-</>;
  return (
    <Text size="xs" truncate="end" maw={120} title={value}>
      {value}
    </Text>
  );
}

export interface LedgerTableProps {
  entries: readonly LedgerEntry[];
  pending: readonly PendingBalanceEntry[];
  currency: string;
  /** What an empty table says: "no entries" only once the server said so. */
  emptyText: string;
}

/** The balance ledger, newest first; entries posted here and not yet on the server lead, marked as such. */
export function LedgerTable({ entries, pending, currency, emptyText }: LedgerTableProps) {
  return (
    <Table.ScrollContainer minWidth={640} maxHeight={360}>
      <Table fz="xs" verticalSpacing={4} striped stickyHeader aria-label="Balance ledger">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Time</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              Balance after
            </Table.Th>
            <Table.Th>Reason</Table.Th>
            <Table.Th>Reference</Table.Th>
            <Table.Th>By</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pending.map((p) => (
            <Table.Tr key={p.key}>
              <Table.Td>
                <Badge size="xs" variant="outline" color="yellow" miw="max-content">
                  Not synced yet
                </Badge>
              </Table.Td>
              <Table.Td>
                <KindBadge kind={p.kind} />
              </Table.Td>
              <Table.Td>
                <Amount amount={p.amount} currency={currency} />
              </Table.Td>
              <Table.Td ta="right">-</Table.Td>
              <Table.Td>{p.reason}</Table.Td>
              <Table.Td>
                <Reference value={p.reference} />
              </Table.Td>
              <Table.Td>You</Table.Td>
            </Table.Tr>
          ))}
          {entries.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{shortDateTime(e.at)}</Table.Td>
              <Table.Td>
                <KindBadge kind={e.kind} />
              </Table.Td>
              <Table.Td>
                <Amount amount={e.amount} currency={currency} />
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatMoney(e.balance, currency)}
              </Table.Td>
              <Table.Td>{dash(e.reason)}</Table.Td>
              <Table.Td>
                <Reference value={e.reference} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{dash(e.userName)}</Table.Td>
            </Table.Tr>
          ))}
          {entries.length === 0 && pending.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={7}>
                <Group justify="center" py="xs">
                  <Text size="xs" c="dimmed">
                    {emptyText}
                  </Text>
                </Group>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
