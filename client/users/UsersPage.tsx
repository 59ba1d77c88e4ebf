import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { UserSummary } from '../../shared/api.js';
import { apiFetch, NetworkError } from '../api/api-fetch.js';
import { AddUserForm } from './AddUserForm.js';

/** Admins see the organisation's staff accounts and add new ones (needs a connection: accounts are not synced). */
export function UsersPage() {
  const [users, setUsers] = useState<UserSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  const load = useCallback(async () => {
    try {
      setUsers(await apiFetch<UserSummary[]>('/api/users'));
      setError(null);
    } catch (e) {
      setError(e instanceof NetworkError ? 'User accounts need a connection to the server.' : (e as Error).message);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Stack maw={900}>
      <Group justify="space-between">
        <Title order={2} size="h3">
          Users
        </Title>
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => setAdding(true)}>
          Add user
        </Button>
      </Group>
      {error && <Alert color="yellow">{error}</Alert>}
      {adding && (
        <Paper withBorder p="md">
          <AddUserForm
            onCancel={() => setAdding(false)}
            onAdded={() => {
              setAdding(false);
              void load();
            }}
          />
        </Paper>
      )}
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Added</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(users ?? []).map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td>{u.name}</Table.Td>
              <Table.Td>{u.email}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={u.role === 'admin' ? 'grape' : u.role === 'operator' ? 'blue' : 'gray'}>
                  {u.role}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{dayjs(u.createdAt).format('D MMM YYYY')}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
