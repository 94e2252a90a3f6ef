import { Fragment, type ReactNode } from 'react';

/**
 * `text` with its `{name}` placeholders replaced by `parts[name]`: text, or an element such as a
 * link, so a link sits inside its sentence in every language. Unknown placeholders stay as they
 * are.
 */
export function fill(text: string, parts: Record<string, ReactNode>): ReactNode {
  const pieces = text.split(/\{(\w+)\}/);
  // split with a capture group: odd indexes are the names.
  return pieces.map((piece, index) =>
    index % 2 === 0 ? (
      piece
    ) : (
      <Fragment key={index}>{piece in parts ? parts[piece] : `{${piece}}`}</Fragment>
    ),
  );
}

/** `text` with its `{name}` placeholders replaced by plain values. */
export { fillPlaceholders as fillText } from '../../../i18n/catalogue';
