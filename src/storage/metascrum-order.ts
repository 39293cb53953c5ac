/**
 * The MetaScrum order: the explicit epic order the MetaScrum set in the panel (the engine ranks the
 * rest by Jira rank), with who changed it and when. One versioned record (10 000 epic keys fit well
 * under 240 KiB), written by compare-and-set: a change based on an older version is refused.
 */
import { z } from 'zod';
import { programKey } from './keys';
import { readStored } from './stored-json';
import { readVersioned, writeVersioned } from './versioned-entity';

/** Where versions before compare-and-set kept the order: read until the first change. */
export const ORDER_KEY = 'metascrum:order:v1';
const ORDER_RECORD = 'metascrum-order';

const OrderBodySchema = z.strictObject({
  keys: z.array(z.string()),
  changedAt: z.string(),
  changedBy: z.strictObject({ accountId: z.string(), displayName: z.string() }),
  /** What the change was, e.g. "moved PAY-3 to the top" or "accepted the suggested order". */
  change: z.string(),
});
export type OrderChange = z.infer<typeof OrderBodySchema>;

export const StoredOrderSchema = OrderBodySchema.extend({ version: z.number().int().min(1) });
export type StoredOrder = z.infer<typeof StoredOrderSchema>;

/** The order and the record version a compare-and-set must find (0 = not migrated from the old key). */
async function readWithRecordVersion(): Promise<{ order: StoredOrder | undefined; recordVersion: number }> {
  const record = await readVersioned(programKey(ORDER_RECORD), OrderBodySchema);
  if (record) return { order: { ...record.body, version: record.version }, recordVersion: record.version };
  return { order: await readStored(programKey(ORDER_KEY), StoredOrderSchema), recordVersion: 0 };
}

export async function readMetascrumOrder(): Promise<StoredOrder | undefined> {
  return (await readWithRecordVersion()).order;
}

export type OrderWrite = { ok: true; order: StoredOrder } | { ok: false; current: StoredOrder | undefined };

/**
 * Stores `change` as the next version if the order is still at `baseVersion` (0 = none set yet);
 * otherwise nothing is written and the current order is returned.
 */
export async function writeMetascrumOrder(baseVersion: number, change: OrderChange): Promise<OrderWrite> {
  const { order, recordVersion } = await readWithRecordVersion();
  if ((order?.version ?? 0) !== baseVersion) return { ok: false, current: order };
  const written = await writeVersioned(programKey(ORDER_RECORD), OrderBodySchema, recordVersion, change, {
    version: baseVersion + 1,
  });
  if (written) return { ok: true, order: { ...written.body, version: written.version } };
  return { ok: false, current: (await readWithRecordVersion()).order };
}
