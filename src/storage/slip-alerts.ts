/**
 * The slip alerts' state (docs/DOMAIN.md "Slip alerts"): one versioned record, written by
 * compare-and-set, so that of two analyses finishing together exactly one raises a new slip's alert
 * (and sends its notifications); the other reads the winner's state and finds the slip seen already.
 * The seen-slip fingerprints are stored as one base64 string of sorted 32-bit numbers.
 */
import { z } from 'zod';
import type { SlipAlertState } from '../domain/alerts/slip-alerts';
import { programKey } from './keys';
import { readVersioned, writeVersioned, type Versioned } from './versioned-entity';

export const SLIP_ALERTS_RECORD = 'slip-alerts:v1';

export const SlipAlertSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(['dependency', 'epic-due']),
  key: z.string(),
  prerequisite: z.string().nullable(),
  detail: z.string(),
  raisedAt: z.string(),
  resolvedAt: z.string().nullable(),
});

const StoredStateSchema = z.strictObject({
  seen: z.string(),
  open: z.array(SlipAlertSchema),
  resolved: z.array(SlipAlertSchema),
});
type StoredState = z.infer<typeof StoredStateSchema>;

function encodeSeen(seen: readonly number[]): string {
  return Buffer.from(Uint32Array.from(seen).buffer).toString('base64');
}

function decodeSeen(text: string): number[] {
  const bytes = Buffer.from(text, 'base64');
  const seen: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i += 4) seen.push(bytes.readUInt32LE(i));
  return seen;
}

const toStored = (state: SlipAlertState): StoredState => ({ ...state, seen: encodeSeen(state.seen) });

export async function readSlipAlerts(): Promise<Versioned<SlipAlertState> | undefined> {
  const record = await readVersioned(programKey(SLIP_ALERTS_RECORD), StoredStateSchema);
  if (!record) return undefined;
  return { version: record.version, body: { ...record.body, seen: decodeSeen(record.body.seen) } };
}

/** Writes `state` if the record is still at `expected` (0 = none yet); false when another analysis won. */
export async function writeSlipAlerts(expected: number, state: SlipAlertState): Promise<boolean> {
  return (
    (await writeVersioned(programKey(SLIP_ALERTS_RECORD), StoredStateSchema, expected, toStored(state))) !==
    undefined
  );
}
