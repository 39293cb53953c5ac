import fc from 'fast-check';
import { hasHeading } from '../../src/domain/normalise/adf-text';

/** The first version: every block's whole text built, trimmed and lower-cased, then compared. */
function referenceHasHeading(value: { content?: unknown[] }, heading: string): boolean {
  const textOf = (node: unknown): string => {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return '';
    const { text, content } = node as { text?: unknown; content?: unknown };
    return (
      (typeof text === 'string' ? text : '') + (Array.isArray(content) ? content.map(textOf).join('') : '')
    );
  };
  const wanted = heading.toLowerCase();
  return (value.content ?? []).some((block) => {
    const text = textOf(block).trim().toLowerCase();
    const isHeading =
      typeof block === 'object' && block !== null && (block as { type?: unknown }).type === 'heading';
    return isHeading ? text.startsWith(wanted) : text.startsWith(`${wanted}:`);
  });
}

const textArb = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u00a0\n',
    'Acceptance criteria',
    ' acceptance CRITERIA: x',
    'AC:',
    'İx',
    'Σ',
    'a',
    ':',
  ),
  fc.string({ maxLength: 6 }),
);
const nodeArb = fc.letrec((tie) => ({
  node: fc.record(
    {
      type: fc.constantFrom('heading', 'paragraph', 'text'),
      text: textArb,
      content: fc.array(tie('node'), { maxLength: 3 }),
    },
    { requiredKeys: ['type'] },
  ),
}));

describe('hasHeading on ADF', () => {
  it('answers as building, trimming and lower-casing every block text does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(nodeArb.node, fc.constant(null), fc.constant('text')), { maxLength: 4 }),
        fc.constantFrom('Acceptance criteria', 'AC', '', ' a', 'İ', 'σ', ':'),
        (content, heading) => {
          const doc = { type: 'doc', content };
          expect(hasHeading(doc, heading)).toBe(referenceHasHeading(doc, heading));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
