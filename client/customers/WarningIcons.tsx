import { IconAlertTriangle, IconCreditCardOff, IconGauge, IconHourglassHigh, IconLockOpen, IconMailOff, IconPhoneX, IconRouteOff, type Icon } from '@tabler/icons-react';
import type { CustomerWarning, WarningCode } from '../../shared/warnings.js';
import { LazyTooltip } from './LazyTooltip.js';
import classes from './grid-cells.module.css';

const ICONS: Record<WarningCode, { icon: Icon; color: string }> = {
  no_auth: { icon: IconLockOpen, color: 'var(--mantine-color-orange-6)' },
  no_routing: { icon: IconRouteOff, color: 'var(--mantine-color-orange-6)' },
  cannot_dial: { icon: IconCreditCardOff, color: 'var(--mantine-color-red-6)' },
  no_email_contact: { icon: IconMailOff, color: 'var(--mantine-color-yellow-7)' },
  high_pdd: { icon: IconHourglassHigh, color: 'var(--mantine-color-orange-6)' },
  low_asr: { icon: IconPhoneX, color: 'var(--mantine-color-red-6)' },
  channels_full: { icon: IconGauge, color: 'var(--mantine-color-orange-6)' },
};

const FALLBACK = { icon: IconAlertTriangle, color: 'var(--mantine-color-orange-6)' };

/** One icon per warning; hovering (or focusing) shows what is wrong. */
export function WarningIcons({ warnings }: { warnings: readonly CustomerWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className={classes.icons}>
      {warnings.map((w) => {
        const { icon: WarningIcon, color } = ICONS[w.code] ?? FALLBACK;
        return (
          <LazyTooltip key={w.code} label={`${w.label}: ${w.detail}`} multiline w={280} withArrow>
            <WarningIcon size={16} color={color} role="img" aria-label={w.label} tabIndex={0} />
          </LazyTooltip>
        );
      })}
    </div>
  );
}
