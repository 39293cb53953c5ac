/**
 * "Since the last working day" (issue 14): the start (00:00 UTC) of the working day before today's,
 * Monday to Friday. On a Monday that is Friday; on a Saturday or a Sunday it is Friday too.
 */
const DAY = 86_400_000;

export function lastWorkingDayStart(nowMs: number): number {
  let day = Math.floor(nowMs / DAY) * DAY - DAY;
  // getUTCDay: 0 = Sunday, 6 = Saturday.
  while ([0, 6].includes(new Date(day).getUTCDay())) day -= DAY;
  return day;
}
