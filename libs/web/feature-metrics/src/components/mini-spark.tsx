/**
 * A tiny line of weekly counts beside a topic: decoration only (the table view has the numbers),
 * so it is hidden from assistive technology and never takes focus.
 */
export function MiniSpark({ values, colour, width = 100, height = 28 }: { values: readonly number[]; colour: string; width?: number; height?: number }) {
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? (width - 2) / (values.length - 1) : 0;
  const points = values.map((v, i) => `${1 + i * step},${height - 1 - (v / max) * (height - 2)}`).join(' ');
  return (
    <svg width={width} height={height} aria-hidden="true" focusable="false">
      <polyline points={points} fill="none" stroke={colour} strokeWidth={2} strokeLinejoin="round" />
    </svg>
  );
}
