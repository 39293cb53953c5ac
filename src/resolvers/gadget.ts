import { contract } from '../shared/contract';
import { gadgetSteering } from '../services/gadget/steering';
import { respond } from './respond';
import type { ResolverTable } from './resolver-types';
import { viewerOf } from './viewer';

export const gadgetResolvers = {
  'gadget/getSteering': (request) =>
    respond('gadget/getSteering', contract['gadget/getSteering'], request.payload, ({ config }) =>
      gadgetSteering(viewerOf(request), config),
    ),
} satisfies Partial<ResolverTable>;
