/**
 * The MetaScrum order: the explicit epic order the MetaScrum set in the panel (the engine ranks the
 * rest by Jira rank), with who changed it and when. One value: 10 000 epic keys fit well under 240 KiB.
 */
import { z } from 'zod';
import { readStored, writeStored } from './stored-json';

export const ORDER_KEY = 'metascrum:order:v1';

export const StoredOrderSchema = z.strictObject({
  version: z.number().int().min(1),
  keys: z.array(z.string()),
  changedAt: z.string(),
  changedBy: z.strictObject({ accountId: z.string(), displayName: z.string() }),
  /** What the change was, e.g. "moved PAY-3 to the top" or "accepted the suggested order". */
  change: z.string(),
});
export type StoredOrder = z.infer<typeof StoredOrderSchema>;

export function readMetascrumOrder(): Promise<StoredOrder | undefined> {
  return readStored(ORDER_KEY, StoredOrderSchema);
}

export function writeMetascrumOrder(order: StoredOrder): Promise<void> {
  return writeStored(ORDER_KEY, StoredOrderSchema, order);
}
