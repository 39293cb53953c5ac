/** Where to look first in the demo program: the places that show what the app is for (home page). */
import { DEMO_FACTS } from '../emulator/demo/demo-facts';
import { LEGACY_FACTS } from '../emulator/demo/legacy-site';

export interface TourStop {
  label: string;
  href: string;
  /** Which demo user shows it best, when it depends on who looks (the link opens as them). */
  asUser?: string;
}

export function tourHref(stop: TourStop): string {
  return stop.asUser ? `${stop.href}?as=${encodeURIComponent(stop.asUser)}` : stop.href;
}

const issue = (key: string) => `/issue/${encodeURIComponent(key)}`;
const epicOf = (storyKey: string) => {
  // Story index i has key <TEAM>-(9 + i) and sits in epic <TEAM>-(i % 8 + 1) (demo-facts.ts).
  const [team, n] = storyKey.split('-');
  return `${team}-${((Number(n) - 9) % 8) + 1}`;
};

export function demoTour(): TourStop[] {
  const [c0, c1, c2] = DEMO_FACTS.cycle;
  const [conflictFrom, conflictTo] = DEMO_FACTS.conflicts[0];
  const [riskFrom, riskTo] = DEMO_FACTS.atRisk[0];
  const [hiddenFrom, hiddenTo] = DEMO_FACTS.hiddenLinkForDevMob;
  const levels = ['Team', 'Scrum of Scrums', 'Scrum of Scrums of Scrums', 'Executive Action Team'];
  const impediments = levels.flatMap((level) => {
    const imp = DEMO_FACTS.impediments.find((i) => i.open && i.level === level);
    return imp ? [{ label: `An impediment at ${level} level (${imp.key})`, href: issue(imp.key) }] : [];
  });
  return [
    { label: `The dependency cycle ${c0} → ${c1} → ${c2} → ${c0}`, href: issue(c0) },
    { label: `A conflict: ${conflictTo} needs ${conflictFrom}, planned later`, href: issue(conflictTo) },
    { label: `An at-risk pair: ${riskTo} needs ${riskFrom} in an overlapping sprint`, href: issue(riskTo) },
    ...impediments,
    {
      label: 'The Scrum of Scrums board: what blocks each team, what it waits for',
      href: '/project/PAY/scrum-of-scrums',
    },
    {
      label: `A flagged item on a long-lived site's team (${LEGACY_FACTS.flagged}): escalate it from the board`,
      href: issue(LEGACY_FACTS.flagged),
    },
    {
      label: `An epic with dependencies Mo cannot see (${epicOf(hiddenTo)})`,
      href: issue(epicOf(hiddenTo)),
      asUser: 'dev-mob',
    },
    {
      label: `A hidden link: ${hiddenTo} needs ${hiddenFrom} in PLAT`,
      href: issue(hiddenTo),
      asUser: 'dev-mob',
    },
  ];
}
