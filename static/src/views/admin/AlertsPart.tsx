/** What the app does when an analysis raises a slip alert (docs/DOMAIN.md "Slip alerts"); both off by default. */
import type { Config, Problems } from './configDraft';
import { FieldError } from './FieldError';
import { Part } from './ui';

type PartProps = { draft: Config; set: (patch: Partial<Config>) => void; problems: Problems };

export function AlertsPart({ draft, set, problems }: PartProps) {
  const { alerts } = draft;
  return (
    <Part title="Slip alerts" hint="Every slip alert shows on the gadget and the panel; these add actions.">
      <label>
        <input
          type="checkbox"
          data-testid="alerts-notify"
          checked={alerts.notify}
          onChange={(e) => set({ alerts: { ...alerts, notify: e.currentTarget.checked } })}
        />{' '}
        Notify the assignees of both sides
      </label>
      <label>
        <input
          type="checkbox"
          data-testid="alerts-raise-impediment"
          checked={alerts.raiseImpediment}
          onChange={(e) => set({ alerts: { ...alerts, raiseImpediment: e.currentTarget.checked } })}
        />{' '}
        Raise an Impediment at the Scrum of Scrums that blocks the dependant of a slipped dependency
      </label>
      <FieldError problems={problems} path="alerts" />
    </Part>
  );
}
