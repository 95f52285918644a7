/**
 * Printing a dashboard: only the page's content (no navigation, top bar or buttons), charts kept
 * whole on a page, on white.
 */
const PRINT_CSS = `
@media print {
  .mantine-AppShell-header, .mantine-AppShell-navbar, [data-print-hide] { display: none !important; }
  .mantine-AppShell-main { padding: 0 !important; min-height: 0 !important; }
  .metrics-card { break-inside: avoid; box-shadow: none !important; }
  body { background: #fff !important; }
}
`;

export function PrintStyles() {
  return <style>{PRINT_CSS}</style>;
}
