import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrastRatio, MIN_TEXT_CONTRAST, readableColors, readableOn } from './readable-colors.js';
import { theme } from './theme.js';

const appTheme = mergeMantineTheme(DEFAULT_THEME, theme);
const { gray } = appTheme.colors;

describe('readable colours', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // Mantine's dimmed grey on white, the failure axe reported: 3.32.
    expect(contrastRatio(gray[6], '#ffffff')).toBeCloseTo(3.32, 2);
  });

  it('keeps a colour that reads and darkens one that does not just past the threshold', () => {
    expect(readableOn('#212529', '#ffffff')).toBe('#212529');
    const dimmed = readableOn(gray[6], gray[1]);
    expect(contrastRatio(dimmed, gray[1])).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    expect(contrastRatio(dimmed, gray[1])).toBeLessThan(MIN_TEXT_CONTRAST + 1.5);
  });

  it('gives the app dimmed, coloured and light-badge text that reads on the rows and on the badges', () => {
    const light = readableColors(appTheme).light as Record<string, string>;
    expect(contrastRatio(light['--mantine-color-dimmed']!, gray[1])).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    expect(contrastRatio(light['--mantine-color-anchor']!, gray[1])).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    for (const [name, colors] of Object.entries(appTheme.colors)) {
      expect(contrastRatio(light[`--mantine-color-${name}-text`]!, gray[1]), name).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
      expect(contrastRatio(light[`--mantine-color-${name}-light-color`]!, colors[1]), name).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    }
  });

  it('gives white text on the filled primary colour enough contrast', () => {
    const shade = typeof appTheme.primaryShade === 'number' ? appTheme.primaryShade : appTheme.primaryShade.light;
    expect(contrastRatio('#ffffff', appTheme.colors[appTheme.primaryColor]![shade])).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
  });
});
