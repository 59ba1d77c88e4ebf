import { darken, luminance, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** WCAG AA for text under 18pt: what staff reading small grid text need. */
export const MIN_TEXT_CONTRAST = 4.5;

/** WCAG's contrast ratio of two opaque colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * `color` darkened in small steps until text in it reads on `background`: the same hue,
 * only as much darker as the contrast needs. A colour that already reads is kept as it is.
 */
export function readableOn(color: string, background: string, min = MIN_TEXT_CONTRAST): string {
  for (let amount = 0; amount < 1; amount += 0.05) {
    const candidate = amount === 0 ? color : darken(color, amount);
    if (contrastRatio(candidate, background) >= min) return candidate;
  }
  return darken(color, 1);
}

// The darkest background grid text sits on: a hovered row (a striped row, #f8f9fa, is lighter).
const ROW_HOVER = (gray: MantineColorsTuple) => gray[1];

/**
 * Mantine's light scheme with text that reads: dimmed text, links, coloured text (`c="red"`) and the
 * text of light badges and alerts are darkened just enough for WCAG AA on the grid's rows and
 * on their own light backgrounds; everything else stays Mantine's.
 */
export const readableColors: CSSVariablesResolver = (theme) => {
  const gray = theme.colors.gray;
  const shade = typeof theme.primaryShade === 'number' ? theme.primaryShade : theme.primaryShade.light;
  const light: Record<string, string> = {
    '--mantine-color-dimmed': readableOn(gray[6], ROW_HOVER(gray)),
    '--mantine-color-anchor': readableOn(theme.colors[theme.primaryColor]![shade], ROW_HOVER(gray)),
  };
  for (const [name, colors] of Object.entries(theme.colors)) {
    light[`--mantine-color-${name}-text`] = readableOn(colors[shade], ROW_HOVER(gray));
    light[`--mantine-color-${name}-light-color`] = readableOn(colors[9], colors[1]);
  }
  return { variables: {}, light, dark: {} };
};
