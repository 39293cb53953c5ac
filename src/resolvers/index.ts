/** The one resolver function of the manifest: every contract key, defined once. */
import Resolver from '@forge/resolver';
import { deadlineFor, withinDeadline } from '../invocation-deadline';
import { adminResolvers } from './admin';
import { gadgetResolvers } from './gadget';
import { impedimentResolvers } from './impediment';
import { issueResolvers } from './issue';
import { ownerResolvers } from './owners';
import { panelResolvers } from './panel';
import { programResolvers } from './programs';
import { snapshotResolvers } from './snapshot';
import { sosResolvers } from './sos';
import type { ResolverRequest, ResolverTable } from './resolver-types';

export const resolverTable: ResolverTable = {
  ...panelResolvers,
  ...issueResolvers,
  ...gadgetResolvers,
  ...adminResolvers,
  ...impedimentResolvers,
  ...snapshotResolvers,
  ...sosResolvers,
  ...ownerResolvers,
  ...programResolvers,
};

export function buildResolverHandler() {
  const resolver = new Resolver();
  for (const [key, fn] of Object.entries(resolverTable)) {
    // Forge stops a resolver after 25 s: every wait inside it is bounded by that (minus a margin).
    resolver.define(key, (request: ResolverRequest) =>
      withinDeadline<unknown>(deadlineFor('resolver'), () => fn(request)),
    );
  }
  return resolver.getDefinitions();
}
