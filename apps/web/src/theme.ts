import { createTheme, type CSSVariablesResolver } from '@mantine/core';

// Shades chosen for WCAG AA contrast on white (≥ 4.5:1): blue 8 and gray 7 for secondary text.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 5 },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-blue-text': 'var(--mantine-color-blue-8)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-8)',
    // Field error messages under inputs.
    '--mantine-color-error': 'var(--mantine-color-red-8)',
  },
  dark: {},
});
