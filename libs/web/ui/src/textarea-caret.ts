// The styles that decide where text wraps in a textarea, copied to the mirror element.
const COPIED = [
  'boxSizing',
  'width',
  'overflowX',
  'overflowY',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'borderStyle',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'fontStyle',
  'fontVariant',
  'fontWeight',
  'fontStretch',
  'fontSize',
  'fontSizeAdjust',
  'lineHeight',
  'fontFamily',
  'textAlign',
  'textTransform',
  'textIndent',
  'letterSpacing',
  'wordSpacing',
  'tabSize',
] as const;

/**
 * Where a character position of a textarea sits, in pixels from the textarea's top-left
 * corner (scrolling included), and the height of its line: measured on a hidden copy of the
 * textarea that wraps its text the same way.
 */
export function caretCoordinates(textarea: HTMLTextAreaElement, position: number): { top: number; left: number; height: number } {
  const mirror = document.createElement('div');
  const style = window.getComputedStyle(textarea);
  for (const property of COPIED) mirror.style[property] = style[property];
  mirror.style.position = 'absolute';
  mirror.style.visibility = 'hidden';
  mirror.style.top = '0';
  mirror.style.left = '-9999px';
  mirror.style.whiteSpace = 'pre-wrap';
  mirror.style.overflowWrap = 'break-word';
  mirror.style.height = 'auto';
  mirror.textContent = textarea.value.slice(0, position);
  const marker = document.createElement('span');
  // Something to measure even at the end of a line.
  marker.textContent = textarea.value.slice(position) || '.';
  mirror.appendChild(marker);
  document.body.appendChild(mirror);
  try {
    const lineHeight = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.4;
    return {
      top: marker.offsetTop + Number.parseFloat(style.borderTopWidth) - textarea.scrollTop,
      left: marker.offsetLeft + Number.parseFloat(style.borderLeftWidth) - textarea.scrollLeft,
      height: lineHeight,
    };
  } finally {
    mirror.remove();
  }
}
