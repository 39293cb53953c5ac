/** Team, readiness, conflicts and text filters; plain labelled controls (keyboard and screen-reader friendly). */
import { Label } from '@atlaskit/form';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { BoardQuery } from '../../../../src/shared/contract';
import { inputStyle } from '../../components/inputStyle';
import { useSearchAsYouType } from './useSearchAsYouType';

const fieldStyle = { display: 'grid', gap: token('space.050') } as const;

export function BoardFilters({
  teams,
  query,
  onQuery,
}: {
  teams: string[];
  query: BoardQuery;
  onQuery: (q: BoardQuery) => void;
}) {
  const search = useSearchAsYouType((text) => onQuery({ ...query, text, page: 1 }), query.text);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.150'), alignItems: 'end' }}>
      <div style={fieldStyle}>
        <Label htmlFor="filter-team">Team</Label>
        <select
          id="filter-team"
          style={inputStyle}
          value={query.team ?? ''}
          onChange={(e) => onQuery({ ...query, team: e.currentTarget.value || undefined, page: 1 })}
        >
          <option value="">All teams</option>
          {teams.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <div style={fieldStyle}>
        <Label htmlFor="filter-readiness">Readiness</Label>
        <select
          id="filter-readiness"
          style={inputStyle}
          value={query.readiness ?? 'any'}
          onChange={(e) => {
            const v = e.currentTarget.value;
            onQuery({ ...query, readiness: v === 'ready' || v === 'not-ready' ? v : undefined, page: 1 });
          }}
        >
          <option value="any">Any</option>
          <option value="ready">Fully ready</option>
          <option value="not-ready">Not fully ready</option>
        </select>
      </div>
      <label style={{ display: 'inline-flex', gap: token('space.075'), alignItems: 'center', height: 32 }}>
        <input
          type="checkbox"
          checked={query.conflictsOnly ?? false}
          onChange={(e) =>
            onQuery({ ...query, conflictsOnly: e.currentTarget.checked || undefined, page: 1 })
          }
        />
        Has conflicts
      </label>
      <div style={fieldStyle}>
        <Label htmlFor="filter-text">Search</Label>
        <Textfield
          id="filter-text"
          width="medium"
          placeholder="Key or summary"
          defaultValue={query.text ?? ''}
          onChange={(e) => search.later(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') search.now(e.currentTarget.value);
          }}
        />
      </div>
    </div>
  );
}
