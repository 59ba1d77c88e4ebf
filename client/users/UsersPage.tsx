import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { UserSummary } from '../../shared/api.js';
import { apiFetch, NetworkError } from '../api/api-fetch.js';
import { AddUserForm } from './AddUserForm.js';

/** Admins see the organisation's staff accounts and add new ones (needs a connection: accounts are not synced). */
export function UsersPage() {
  const [users, setUsers] = useState<UserSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    apiFetch<UserSummary[]>('/api/users').then(
      (list) => {
        if (!live) return;
        setUsers(list);
        setError(null);
      },
      (e: unknown) => {
        if (live) setError(e instanceof NetworkError ? 'User accounts need a connection to the server.' : (e as Error).message);
      },
    );
    return () => {
      live = false;
    };
  }, [reload]);

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
              setReload((n) => n + 1);
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
