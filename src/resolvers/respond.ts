/**
 * Turns one resolver call into the contract's envelope: parse the payload, run the use case, parse the
 * response (which also drops anything the contract does not name), and map every failure to a typed
 * error the UI can show. Nothing is thrown across the bridge.
 */
import { z } from 'zod';
import type { Envelope, ResolverError } from '../shared/contract';
import { DeadlineExceeded } from '../invocation-deadline';
import {
  JiraBadReply,
  JiraBadRequest,
  JiraDeadlineExceeded,
  JiraForbidden,
  JiraNotFound,
  JiraRateLimited,
  JiraUnavailable,
} from '../jira/errors';
import { UnsafeJqlValue } from '../jira/jql';
import { UnsafePathSegment } from '../jira/transport';
import {
  InvalidFields,
  InvalidInput,
  MissingPermission,
  NotAllowed,
  NotFound,
  NotInProgram,
  VersionConflict,
} from '../services/errors';
import { OrderInfoSchema } from '../shared/contract/board';
import { requireProgram } from '../services/programs/program-directory';
import { DEFAULT_PROGRAM_ID, withProgram } from '../storage/program-scope';
import { splitProgramId } from './program-payload';

function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join('.');
}

function toResolverError(error: unknown): ResolverError {
  if (error instanceof InvalidFields)
    return { code: 'BAD_PAYLOAD', message: error.message, field: error.field, problems: error.problems };
  if (error instanceof InvalidInput)
    return { code: 'BAD_PAYLOAD', message: error.message, field: error.field };
  if (error instanceof UnsafeJqlValue || error instanceof UnsafePathSegment)
    return { code: 'BAD_PAYLOAD', message: error.message, field: error.field };
  if (error instanceof VersionConflict) {
    const order = OrderInfoSchema.safeParse(error.current);
    return {
      code: 'CONFLICT',
      message: error.message,
      ...(order.success ? { currentOrder: order.data } : {}),
    };
  }
  if (error instanceof MissingPermission) {
    const missingPermission = { permission: error.permission, issueKey: error.issueKey };
    return { code: 'FORBIDDEN', message: error.message, missingPermission };
  }
  if (error instanceof NotAllowed || error instanceof JiraForbidden)
    return { code: 'FORBIDDEN', message: error.message };
  if (error instanceof NotInProgram) return { code: 'NOT_IN_PROGRAM', message: error.message };
  if (error instanceof JiraNotFound || error instanceof NotFound)
    return { code: 'NOT_FOUND', message: error.message };
  if (error instanceof JiraRateLimited) {
    return {
      code: 'JIRA_RATE_LIMITED',
      message: `Jira asked us to slow down; try again in ${Math.ceil(error.retryAfterMs / 1000)} s.`,
    };
  }
  if (error instanceof JiraDeadlineExceeded || error instanceof DeadlineExceeded)
    return { code: 'TIMED_OUT', message: error.message };
  if (error instanceof JiraUnavailable)
    return { code: 'JIRA_UNAVAILABLE', message: `Jira is not answering: ${error.message}` };
  if (error instanceof JiraBadReply) return { code: 'JIRA_BAD_REPLY', message: error.message };
  if (error instanceof JiraBadRequest) return { code: 'JIRA_BAD_REPLY', message: error.message };
  return { code: 'INTERNAL', message: 'Something went wrong in MetaScrum. The error was logged; try again.' };
}

export interface ResolverSpec<P extends z.ZodType, R extends z.ZodType> {
  payload: P;
  response: R;
}

export async function respond<P extends z.ZodType, R extends z.ZodType>(
  key: string,
  spec: ResolverSpec<P, R>,
  payload: unknown,
  run: (payload: z.infer<P>) => Promise<z.input<R>>,
): Promise<Envelope<z.infer<R>>> {
  const split = splitProgramId(payload);
  if (!split.ok)
    return { ok: false, error: { code: 'BAD_PAYLOAD', message: split.message, field: 'programId' } };
  const programId = split.programId ?? DEFAULT_PROGRAM_ID;
  const parsed = spec.payload.safeParse(split.rest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // An unknown key is reported on its parent object: name the key itself.
    const unknownKey = issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const field = issue ? fieldPath(unknownKey === undefined ? issue.path : [...issue.path, unknownKey]) : '';
    const message = issue ? `${field || 'payload'}: ${issue.message}` : 'invalid payload';
    return { ok: false, error: { code: 'BAD_PAYLOAD', message, ...(field ? { field } : {}) } };
  }
  try {
    // Everything the use case reads and writes is the named program's (storage/program-scope.ts).
    // A named program must exist; a call naming none (a client or gadget from before several
    // programs) is about `default`, as it always was.
    const result = await withProgram(programId, async () => {
      if (split.programId !== undefined) await requireProgram(programId);
      return run(parsed.data);
    });
    return { ok: true, data: spec.response.parse(result) };
  } catch (error) {
    const mapped = toResolverError(error);
    if (mapped.code === 'INTERNAL') {
      console.error(JSON.stringify({ event: 'resolver-failed', key, error: String(error) }));
    }
    return { ok: false, error: mapped };
  }
}
