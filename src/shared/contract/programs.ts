/**
 * Several programs per site (issue 14): a program's id is a stable slug that storage keys carry; its name
 * is a label the admin can change. Every resolver payload may name the program it is about
 * (`programId`, see contract.ts `PayloadOf`); without it the call is about `default`.
 */
import { z } from 'zod';
import { ProjectKeySchema } from './common';

/**
 * The program every installation from before several programs holds, under its original keys. Calls,
 * gadgets and report runs that name no program are about it, so it cannot be deleted.
 */
export const DEFAULT_PROGRAM_ID = 'default';

export const ProgramIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a program id such as checkout (a-z, 0-9, -)');

export const ProgramNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(80, 'must be at most 80 characters');

/** More programs than a site runs, and few enough that listing them reads each config once. */
export const MAX_PROGRAMS = 50;

export const ProgramSchema = z.strictObject({ id: ProgramIdSchema, name: ProgramNameSchema });
export type Program = z.infer<typeof ProgramSchema>;

/** A program as the surfaces list it: with its team projects (empty = every browsable project). */
export const ProgramEntrySchema = ProgramSchema.extend({ projects: z.array(z.string()) });
export type ProgramEntry = z.infer<typeof ProgramEntrySchema>;

export const ProgramListSchema = z.object({ programs: z.array(ProgramEntrySchema) });
export type ProgramList = z.infer<typeof ProgramListSchema>;

export const programsContract = {
  /** Anyone: the site's programs (to pick one in the gadget's edit mode or on the admin page). */
  'program/list': { payload: z.object({}).strict(), response: ProgramListSchema },
  /** Anyone: the programs a project belongs to (the project page picks from these). */
  'program/forProject': {
    payload: z.object({ projectKey: ProjectKeySchema }).strict(),
    response: ProgramListSchema,
  },
  /** Jira administrators: a new program with the default config, or a copy of one's config and teams. */
  'admin/createProgram': {
    payload: z.object({ name: ProgramNameSchema, copyFrom: ProgramIdSchema.optional() }).strict(),
    response: ProgramListSchema,
  },
  'admin/renameProgram': {
    payload: z.object({ id: ProgramIdSchema, name: ProgramNameSchema }).strict(),
    response: ProgramListSchema,
  },
  /** Deletes the program and every key it stored; `confirm` must name it (the page asks for it). */
  'admin/deleteProgram': {
    payload: z.object({ id: ProgramIdSchema, confirm: z.literal(true, 'confirm the deletion') }).strict(),
    response: ProgramListSchema,
  },
} as const;
