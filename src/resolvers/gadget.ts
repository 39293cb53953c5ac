import { contract, type GadgetConfig } from '../shared/contract';
import { gadgetSteering } from '../services/gadget/steering';
import { gadgetHistory } from '../services/history/history-view';
import { requireProgram } from '../services/programs/program-directory';
import { currentProgramId, withProgram } from '../storage/program-scope';
import { respond } from './respond';
import type { ResolverTable } from './resolver-types';
import { viewerOf } from './viewer';

/** The gadget shows the program its saved config names (validated, naming `config.programId`). */
async function inGadgetProgram<T>(config: GadgetConfig, work: () => Promise<T>): Promise<T> {
  if (config.programId === undefined) return work();
  await requireProgram(config.programId, 'config.programId');
  return config.programId === currentProgramId() ? work() : withProgram(config.programId, work);
}

export const gadgetResolvers = {
  'gadget/getSteering': (request) =>
    respond('gadget/getSteering', contract['gadget/getSteering'], request.payload, ({ config }) =>
      inGadgetProgram(config, () => gadgetSteering(viewerOf(request), config)),
    ),
  'gadget/getHistory': (request) =>
    respond('gadget/getHistory', contract['gadget/getHistory'], request.payload, ({ config }) =>
      inGadgetProgram(config, () => gadgetHistory(viewerOf(request), config)),
    ),
} satisfies Partial<ResolverTable>;
