/**
 * The admin page's words for config fields, so an error or a change reads as a sentence naming the
 * field ("Horizon: minimum sprints must not exceed maximum sprints") instead of `horizon.minSprints`.
 */
const SECTIONS: Record<string, string> = {
  name: 'Program name',
  projects: 'Team projects',
  teams: 'Teams',
  fields: 'Fields',
  dependencies: 'Dependencies',
  readiness: 'Definition of Ready',
  horizon: 'Horizon',
  impediments: 'Escalation ladder',
  cadence: 'Cadence',
  forecast: 'Forecast',
};

const WORDS: Record<string, string> = {
  minSprints: 'minimum sprints',
  maxSprints: 'maximum sprints',
  velocitySprints: 'velocity sprints',
  maxPoints: 'largest ready estimate',
  acceptanceCriteriaHeading: 'acceptance criteria heading',
  linkTypes: 'link types',
  issueType: 'issue type',
  historyProperty: 'history property',
  levels: 'levels',
  slaDays: 'SLA days',
  openLoad: 'open load thresholds',
  arrivalsPerWeek: 'arrivals per week thresholds',
  resolutionSlowdown: 'resolution slowdown thresholds',
  sampleSprints: 'sample sprints',
  by: 'counted by',
};

/** `horizon.minSprints` → "Horizon: minimum sprints"; `impediments.levels[2].name` → "Escalation ladder: level 3 name". */
export function fieldLabel(path: string): string {
  const clean = path.replace(/^config\.?/, '');
  if (clean === '' || clean === '(root)') return 'Configuration';
  const parts = clean.split('.').flatMap((p) => {
    const m = /^([^[]+)((?:\[\d+\])*)$/.exec(p);
    if (!m) return [p];
    const indexes = [...(m[2] ?? '').matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]) + 1);
    return [m[1] ?? p, ...indexes.map((n) => `#${n}`)];
  });
  const [section = '', ...rest] = parts;
  const head = SECTIONS[section] ?? section;
  const words = rest.map((r, i) => {
    if (r.startsWith('#')) {
      const owner = rest[i - 1];
      return owner === 'levels' ? `level ${r.slice(1)}` : owner === 'projects' ? '' : `item ${r.slice(1)}`;
    }
    if (rest[i + 1]?.startsWith('#') && r === 'levels') return '';
    return WORDS[r] ?? r;
  });
  const tail = words.filter((w) => w !== '').join(' ');
  return tail ? `${head}: ${tail}` : head;
}

/** "Horizon: minimum sprints must not exceed the maximum sprints", from a field path and its message. */
export function problemSentence(path: string, message: string): string {
  const verb = /^(must|is|are|has|have|should|cannot|does|expected|at most|at least)\b/i.test(message);
  const text = verb ? message : `— ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
  return `${fieldLabel(path)} ${text}`;
}
