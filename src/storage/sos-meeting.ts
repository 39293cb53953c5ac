/**
 * The Scrum of Scrums' "meeting held" mark: when, by whom, and what the board showed then (ids of
 * flagged and blocked items, cross-team waits and conflicts, see domain/sos/sos-rows.ts), so the next
 * board can say what is new since. One versioned record written by compare-and-set: of two SoS Masters
 * marking at once, one wins and the other is told. The baseline is bounded to stay far under 240 KiB.
 */
import { z } from 'zod';
import { programKey } from './keys';
import { readVersioned, writeVersioned, type Versioned } from './versioned-entity';

const SOS_MEETING_RECORD = 'sos-meeting:v1';
/** ~60 bytes an id: 3,000 ids stay under 200 KB. */
export const BASELINE_LIMIT = 3000;

const MeetingBodySchema = z.strictObject({
  heldAt: z.string(),
  heldBy: z.strictObject({ accountId: z.string(), displayName: z.string() }),
  baseline: z.array(z.string()).max(BASELINE_LIMIT),
  /** True when the board had more ids than kept: the rest cannot be told apart as new. */
  truncated: z.boolean(),
});
export type SosMeetingRecord = z.infer<typeof MeetingBodySchema>;

export function readSosMeeting(): Promise<Versioned<SosMeetingRecord> | undefined> {
  return readVersioned(programKey(SOS_MEETING_RECORD), MeetingBodySchema);
}

/** The mark as version `baseVersion + 1`, or undefined when someone else marked since `baseVersion`. */
export function writeSosMeeting(baseVersion: number, body: SosMeetingRecord) {
  return writeVersioned(programKey(SOS_MEETING_RECORD), MeetingBodySchema, baseVersion, body);
}
