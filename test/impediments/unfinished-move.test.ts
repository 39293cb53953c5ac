/**
 * Issue 11 problem 2: "The Escalation level field refuses the new name after the history was already
 * written. The move half-happens." A move now either completes every effect or says which one failed,
 * and sending the same request again retries it.
 */
import { dataOf, startHarness, type Harness } from '../resolvers/harness';

describe('a move whose effect fails', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const option = (value: string) =>
    h.emulator.state.fieldContexts
      .filter((c) => c.fieldId === 'customfield_10060')
      .flatMap((c) => c.options)
      .find((o) => o.value === value);

  it('records the move, names the effect that failed, and finishes it when the request is sent again', async () => {
    const before = dataOf(await h.call('impediment/get', { issueKey: 'PAY-93' }, 'cpo')).impediment;
    const target = option('Scrum of Scrums');
    if (!target) throw new Error('demo option missing');
    target.disabled = true;
    const request = {
      issueKey: 'PAY-93',
      reason: 'Needs the platform team',
      requestId: 'req-unfinished',
      expectedVersion: before?.version ?? 0,
    };
    const first = dataOf(await h.call('impediment/escalate', request, 'cpo'));
    expect(first.outcome).toBe('applied');
    expect(first.impediment.level).toBe('Scrum of Scrums');
    expect(first.unfinished).toEqual(['set the Escalation level field to "Scrum of Scrums"']);
    expect(first.message).toMatch(
      /^PAY-93: now at Scrum of Scrums\. The move is recorded, but this did not happen: set the Escalation level field to "Scrum of Scrums" \(.+\)\. Try again to finish it\.$/,
    );
    expect(h.emulator.state.issueByKeyOrId('PAY-93')?.fields.customfield_10060).toMatchObject({
      value: 'Team',
    });

    target.disabled = false;
    const retried = dataOf(await h.call('impediment/escalate', request, 'cpo'));
    expect(retried).toMatchObject({ outcome: 'already-applied', unfinished: [] });
    expect(retried.impediment.version).toBe(first.impediment.version);
    expect(h.emulator.state.issueByKeyOrId('PAY-93')?.fields.customfield_10060).toMatchObject({
      value: 'Scrum of Scrums',
    });
  }, 30_000);
});
