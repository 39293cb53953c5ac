/**
 * What readiness needs from a rich-text field: is there any text, and does it carry a given heading?
 * Jira Cloud v3 sends Atlassian Document Format (ADF); older payloads and some apps send plain or wiki
 * text. The walk is iterative, so a deeply nested document cannot overflow the stack.
 */
import { z } from 'zod';

const AdfNode = z.object({
  type: z.string().optional().catch(undefined),
  text: z.string().optional().catch(undefined),
  content: z.array(z.unknown()).optional().catch(undefined),
});

interface Block {
  type: string | undefined;
  text: string;
}

/** Top-level blocks of a document with their flattened text (paragraphs, headings, list items...). */
function blocksOf(doc: unknown, stopAtFirstText: boolean): Block[] {
  const top = AdfNode.safeParse(doc);
  if (!top.success) return [];
  const blocks: Block[] = [];
  for (const child of top.data.content ?? []) {
    const block = AdfNode.safeParse(child);
    if (!block.success) continue;
    let text = block.data.text ?? '';
    const stack: unknown[] = [...(block.data.content ?? [])];
    while (stack.length > 0) {
      const node = AdfNode.safeParse(stack.pop());
      if (!node.success) continue;
      if (node.data.text) text = node.data.text + text;
      for (const c of node.data.content ?? []) stack.push(c);
    }
    blocks.push({ type: block.data.type, text });
    if (stopAtFirstText && text.trim() !== '') return blocks;
  }
  return blocks;
}

/** Whether a rich-text value (ADF or plain text) has any non-blank text. */
export function hasText(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  return blocksOf(value, true).some((b) => b.text.trim() !== '');
}

/**
 * Whether a description carries an acceptance-criteria section: an ADF heading starting with `heading`,
 * a paragraph starting with `heading:`, or a wiki/Markdown heading line (`h3. ...`, `## ...`).
 */
export function hasHeading(value: unknown, heading: string): boolean {
  const wanted = heading.toLowerCase();
  if (typeof value === 'string') {
    return value
      .split('\n')
      .map((line) =>
        line
          .trim()
          .replace(/^(h[1-6]\.|#{1,6})\s*/i, '')
          .toLowerCase(),
      )
      .some((line) => line.startsWith(wanted));
  }
  return blocksOf(value, false).some((b) => {
    const text = b.text.trim().toLowerCase();
    return b.type === 'heading' ? text.startsWith(wanted) : text.startsWith(`${wanted}:`);
  });
}
