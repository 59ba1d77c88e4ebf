import { createTheme } from '@mantine/core';

/** Compact defaults: staff look at hundreds of rows, so density beats whitespace. */
export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8, not Mantine's 6: white text on filled buttons and tabs, and links, need 4.5:1 (WCAG AA).
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  components: {
    Tooltip: { defaultProps: { openDelay: 300, withArrow: true, multiline: true, maw: 320 } },
    // Mantine's × has no name of its own: screen readers would announce a bare "button".
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
  },
});
