/**
 * The dependency map: epics grouped by team, edges coloured by their worst sprint-order status,
 * cycles outlined, the critical path drawn bold. Every epic is a focusable link to its issue.
 */
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { router } from '@forge/bridge';
import { useContext, useMemo, useState } from 'react';
import type { DependencyMap, DependencyStatus } from '../../../../src/shared/contract';
import { SiteUrlContext } from '../../components/IssueLink';
import { EmptyView, ErrorState, LoadingState } from '../../components/States';
import { useResolver } from '../../useResolver';
import * as dagre from '@dagrejs/dagre';
import { layoutMap, NODE_H, NODE_W } from './mapLayout';

const STATUSES: readonly DependencyStatus[] = ['conflict', 'at-risk', 'healthy', 'unplanned'];
const EDGE_COLOUR: Record<DependencyStatus, string> = {
  conflict: token('color.border.danger'),
  'at-risk': token('color.border.warning'),
  healthy: token('color.border.success'),
  unplanned: token('color.border.bold'),
};

export default function DependencyMapView({ teams }: { teams: string[] }) {
  const [team, setTeam] = useState('');
  const [map, retry] = useResolver('panel/getDependencyMap', team ? { team } : {});
  return (
    <div style={{ display: 'grid', gap: token('space.150'), paddingTop: token('space.150') }}>
      <label style={{ display: 'inline-flex', gap: token('space.100'), alignItems: 'center' }}>
        Team
        <select
          value={team}
          onChange={(e) => setTeam(e.currentTarget.value)}
          style={{ height: 32, color: token('color.text'), background: token('color.background.input') }}
        >
          <option value="">All teams</option>
          {teams.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>
      <Legend />
      {map.state === 'loading' && <LoadingState label="Laying out the dependency map" />}
      {map.state === 'error' && <ErrorState error={map.error} onRetry={retry} />}
      {map.state === 'ready' && <MapPicture map={map.data} />}
    </div>
  );
}

function Legend() {
  return (
    <p style={{ display: 'flex', gap: token('space.150'), flexWrap: 'wrap', margin: 0 }}>
      {STATUSES.map((s) => (
        <span key={s} style={{ display: 'inline-flex', gap: token('space.050'), alignItems: 'center' }}>
          <svg width="24" height="6" aria-hidden="true">
            <line x1="0" y1="3" x2="24" y2="3" stroke={EDGE_COLOUR[s]} strokeWidth="3" />
          </svg>
          {s}
        </span>
      ))}
      <Lozenge appearance="removed" isBold>
        cycle
      </Lozenge>
      <span>bold outline: critical path</span>
    </p>
  );
}

function MapPicture({ map }: { map: DependencyMap }) {
  const siteUrl = useContext(SiteUrlContext);
  const placed = useMemo(() => layoutMap(map, dagre), [map]);
  if (map.nodes.length === 0)
    return <EmptyView header="No dependencies between epics" description="No open epic needs another one." />;
  const byKey = new Map(map.nodes.map((n) => [n.key, n]));
  const statusOf = new Map(map.edges.map((e) => [`${e.from} ${e.to}`, e.status]));
  return (
    <div
      style={{
        overflow: 'auto',
        border: `1px solid ${token('color.border')}`,
        borderRadius: token('radius.medium'),
      }}
    >
      <svg
        role="img"
        aria-label={`Dependency map: ${map.nodes.length} epics, ${map.edges.length} dependencies`}
        data-testid="dependency-map"
        width={placed.width}
        height={placed.height}
        style={{ display: 'block', color: token('color.text') }}
      >
        <defs>
          {STATUSES.map((s) => (
            <marker
              key={s}
              id={`arrow-${s}`}
              viewBox="0 0 10 10"
              refX="10"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" fill={EDGE_COLOUR[s]} />
            </marker>
          ))}
        </defs>
        {placed.teams.map((t) => (
          <g key={t.team}>
            <rect
              x={t.x - t.width / 2}
              y={t.y - t.height / 2}
              width={t.width}
              height={t.height}
              rx={8}
              fill={token('color.background.neutral.subtle')}
              stroke={token('color.border')}
            />
            <text
              x={t.x - t.width / 2 + 8}
              y={t.y - t.height / 2 + 14}
              fontSize={12}
              fontWeight={600}
              fill={token('color.text.subtle')}
            >
              {t.team}
            </text>
          </g>
        ))}
        {placed.edges.map((e) => {
          const status = statusOf.get(`${e.from} ${e.to}`) ?? 'healthy';
          const d = e.points.map((p, i) => `${i === 0 ? 'M' : 'L'} ${p.x} ${p.y}`).join(' ');
          return (
            <path
              key={`${e.from}-${e.to}`}
              data-status={status}
              d={d}
              fill="none"
              stroke={EDGE_COLOUR[status]}
              strokeWidth={2}
              markerEnd={`url(#arrow-${status})`}
            >
              <title>{`${e.to} needs ${e.from}: ${status}`}</title>
            </path>
          );
        })}
        {placed.nodes.map((p) => {
          const n = byKey.get(p.key);
          if (!n) return null;
          return (
            <a
              key={p.key}
              href={`${siteUrl}/browse/${encodeURIComponent(n.key)}`}
              data-testid={`map-node-${n.key}`}
              onClick={(event) => {
                if (event.metaKey || event.ctrlKey || event.shiftKey) return;
                event.preventDefault();
                void router.navigate(`/browse/${encodeURIComponent(n.key)}`);
              }}
            >
              <title>{`${n.key} ${n.summary} (rank ${n.rank})${n.inCycle ? ', in a dependency cycle' : ''}${n.critical ? ', on the critical path' : ''}`}</title>
              <rect
                x={p.x - NODE_W / 2}
                y={p.y - NODE_H / 2}
                width={NODE_W}
                height={NODE_H}
                rx={6}
                fill={token('elevation.surface.raised')}
                stroke={
                  n.inCycle
                    ? token('color.border.danger')
                    : n.critical
                      ? token('color.border.bold')
                      : token('color.border')
                }
                strokeWidth={n.critical || n.inCycle ? 3 : 1}
                strokeDasharray={n.inCycle ? '6 3' : undefined}
              />
              <text
                x={p.x - NODE_W / 2 + 8}
                y={p.y - 4}
                fontSize={12}
                fontWeight={600}
                fill={token('color.link')}
              >
                {`#${n.rank} ${n.key}`}
              </text>
              <text x={p.x - NODE_W / 2 + 8} y={p.y + 12} fontSize={11} fill={token('color.text.subtle')}>
                {n.summary.length > 22 ? `${n.summary.slice(0, 21)}…` : n.summary}
              </text>
            </a>
          );
        })}
      </svg>
      {map.unlinkedEpics > 0 && (
        <p style={{ padding: token('space.100'), margin: 0, color: token('color.text.subtle') }}>
          {map.unlinkedEpics} epic{map.unlinkedEpics === 1 ? '' : 's'} without dependencies not shown.
        </p>
      )}
    </div>
  );
}
