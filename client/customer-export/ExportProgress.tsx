import { Progress, Stack, Text } from '@mantine/core';

export interface ExportProgressProps {
  /** "Exporting 300 customers to XLSX". */
  what: string;
  written: number;
  total: number;
}

/** How far an export is: rows written, then the file being put together (no measure of that step, so the bar moves). */
export function ExportProgress({ what, written, total }: ExportProgressProps) {
  const saving = written >= total;
  return (
    <Stack gap={6}>
      <Text size="sm">{saving ? `${what}: saving the file…` : `${what}: ${written.toLocaleString('en')} written`}</Text>
      <Progress value={total === 0 ? 100 : Math.round((written / total) * 100)} size="sm" aria-label="Export progress" animated={saving} />
    </Stack>
  );
}
