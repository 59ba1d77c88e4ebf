import { Box, Group, VisuallyHidden } from '@mantine/core';

/** A tab title with a red dot when the tab holds an invalid field. */
export function TabLabel({ label, hasError }: { label: string; hasError: boolean }) {
  return (
    <Group gap={6} wrap="nowrap">
      <span>{label}</span>
      {hasError && (
        <>
          <Box w={8} h={8} bg="red" style={{ borderRadius: '50%' }} aria-hidden />
          <VisuallyHidden> (has errors)</VisuallyHidden>
        </>
      )}
    </Group>
  );
}
