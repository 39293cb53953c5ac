import { contract } from '../shared/contract';
import { gadgetSteering } from '../services/gadget/steering';
import { gadgetHistory } from '../services/history/history-view';
import { respond } from './respond';
import type { ResolverTable } from './resolver-types';
import { viewerOf } from './viewer';

export const gadgetResolvers = {
  'gadget/getSteering': (request) =>
    respond('gadget/getSteering', contract['gadget/getSteering'], request.payload, ({ config }) =>
      gadgetSteering(viewerOf(request), config),
    ),
  'gadget/getHistory': (request) =>
    respond('gadget/getHistory', contract['gadget/getHistory'], request.payload, ({ config }) =>
      gadgetHistory(viewerOf(request), config),
    ),
} satisfies Partial<ResolverTable>;
