import { Group, SegmentedControl, Stack } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { fromPickerValue, PRESET_KEYS, PRESETS, toPickerValue, type TimeRange, type TrafficPreset } from './traffic-window.js';

export type WindowChoice = TrafficPreset | 'custom';

const CHOICES = [...PRESET_KEYS.map((p) => ({ value: p, label: PRESETS[p].label })), { value: 'custom', label: 'Custom range' }];
// On a phone the full labels do not fit one row; these do.
const SHORT_CHOICES = [...PRESET_KEYS.map((p) => ({ value: p, label: PRESETS[p].short })), { value: 'custom', label: 'Custom' }];

export interface TrafficWindowPickerProps {
  choice: WindowChoice;
  onChoice: (choice: WindowChoice) => void;
  custom: Partial<TimeRange>;
  onCustom: (range: Partial<TimeRange>) => void;
  /** Why the custom range cannot be shown. */
  error: string | undefined;
}

/** Which stretch of time the tab's figures and charts cover: a preset ending now, or a picked range. */
export function TrafficWindowPicker({ choice, onChoice, custom, onCustom, error }: TrafficWindowPickerProps) {
  const narrow = useMediaQuery('(max-width: 36em)');
  return (
    <Stack gap="xs">
      <SegmentedControl aria-label="Traffic window" size="xs" data={narrow ? SHORT_CHOICES : CHOICES} value={choice} onChange={(v) => onChoice(v as WindowChoice)} />
      {choice === 'custom' && (
        <Group grow align="flex-start" gap="sm">
          <DateTimePicker
            label="From"
            size="xs"
            valueFormat="D MMM YYYY, HH:mm"
            value={custom.from === undefined ? null : toPickerValue(custom.from)}
            onChange={(v) => onCustom({ ...custom, from: fromPickerValue(v) })}
            maxDate={custom.to === undefined ? undefined : toPickerValue(custom.to)}
          />
          <DateTimePicker
            label="To"
            size="xs"
            valueFormat="D MMM YYYY, HH:mm"
            value={custom.to === undefined ? null : toPickerValue(custom.to)}
            onChange={(v) => onCustom({ ...custom, to: fromPickerValue(v) })}
            minDate={custom.from === undefined ? undefined : toPickerValue(custom.from)}
            error={error}
          />
        </Group>
      )}
    </Stack>
  );
}
