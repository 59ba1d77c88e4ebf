import { z } from 'zod';

/**
 * Text people and devices send is refused when it holds control characters (Unicode
 * category Cc: NUL, escape, DEL, the C1 range...) or half of a surrogate pair.
 * PostgreSQL cannot store NUL in text or jsonb, nor a lone surrogate in jsonb, so one
 * such character would otherwise fail the whole write on the server, again on every
 * retry; control characters are never typed on purpose and break display and exports.
 */
export const CONTROL_CHARACTER_MESSAGE = 'Contains a control character (such as NUL) that cannot be stored';
export const BROKEN_CHARACTER_MESSAGE = 'Contains a broken character (half of a surrogate pair) that cannot be stored';

// Unicode's Cc (C0, DEL, C1) as a plain class: it runs for every text of a 50,000-record
// ingest, and is several times faster than /\p{Cc}/u.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Every control character except line feed, carriage return and tab. */
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `text` holds a control character (line breaks and tabs too, unless `allowLineBreaks`). */
export function hasControlCharacter(text: string, opts: { allowLineBreaks?: boolean } = {}): boolean {
  return (opts.allowLineBreaks ? CONTROL_BUT_LINE_BREAKS : ANY_CONTROL).test(text);
}

/** Why `text` cannot be stored, or undefined when it can. */
export function unstorableTextReason(text: string, opts: { allowLineBreaks?: boolean } = {}): string | undefined {
  if (hasControlCharacter(text, opts)) return CONTROL_CHARACTER_MESSAGE;
  if (LONE_SURROGATE.test(text)) return BROKEN_CHARACTER_MESSAGE;
  return undefined;
}

/**
 * A zod check refusing control characters and lone surrogates, for any string schema:
 * `z.string().max(100).check(noControlCharacters())`. Multi-line texts (notes) pass
 * `{ allowLineBreaks: true }` to keep \n, \r and \t.
 */
export function noControlCharacters(opts: { allowLineBreaks?: boolean } = {}) {
  return z.superRefine<string>((text, ctx) => {
    const message = unstorableTextReason(text, opts);
    if (message) ctx.addIssue({ code: 'custom', message, input: text });
  });
}

/**
 * Makes any text storable and short, for what the server writes on its own (refusal
 * summaries and messages quote what a device sent): control characters and lone
 * surrogates become spaces, and the text is cut to `max` characters with an ellipsis.
 */
export function storableText(text: string, max: number): string {
  const clean = text.replace(new RegExp(ANY_CONTROL.source, 'g'), ' ').replace(new RegExp(LONE_SURROGATE.source, 'g'), ' ');
  const chars = Array.from(clean);
  return chars.length <= max ? clean : `${chars.slice(0, max - 1).join('')}…`;
}
