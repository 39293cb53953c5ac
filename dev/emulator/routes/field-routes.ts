import { z } from 'zod';
import { isAdmin } from '../access/caller';
import type { DatasetField, DatasetFieldContext } from '../dataset/schema';
import { JiraError, jiraErrors } from '../http/jira-error';
import { parseInput } from '../http/parse-body';
import { ok, type Route, type RouteContext } from '../http/router';
import { offsetPage } from './paging';

const CUSTOM_TYPES = 'com.atlassian.jira.plugin.system.customfieldtypes:';

/** Only the keys of Jira's FieldDetails bean: dataset exports carry more (untranslatedName...). */
function renderField(f: DatasetField) {
  const customId = f.custom ? Number(f.id.replace('customfield_', '')) : undefined;
  const schema = f.schema && {
    type: f.schema.type,
    ...(f.schema.items === undefined ? {} : { items: f.schema.items }),
    ...(f.schema.custom === undefined ? {} : { custom: f.schema.custom }),
    ...(customId === undefined || Number.isNaN(customId) ? {} : { customId }),
    ...(f.custom ? {} : { system: f.id }),
  };
  return {
    id: f.id,
    key: f.id,
    name: f.name,
    custom: f.custom,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: f.custom ? [`cf[${String(customId)}]`, f.name] : [f.id],
    ...(schema ? { schema } : {}),
  };
}

function schemaFor(type: string): { type: string; items?: string } {
  const short = type.startsWith(CUSTOM_TYPES) ? type.slice(CUSTOM_TYPES.length) : type;
  if (short === 'select' || short === 'radiobuttons') return { type: 'option' };
  if (short === 'multiselect' || short === 'multicheckboxes') return { type: 'array', items: 'option' };
  if (short === 'float') return { type: 'number' };
  if (short === 'datetime') return { type: 'datetime' };
  if (short === 'datepicker') return { type: 'date' };
  return { type: 'string' };
}

function requireAdmin(ctx: RouteContext): void {
  if (!isAdmin(ctx.caller))
    throw jiraErrors.forbidden('You do not have permission to perform this operation.');
}

function customField(ctx: RouteContext): DatasetField {
  const field = ctx.state.fields.find((f) => f.id === ctx.params.fieldId && f.custom);
  if (!field) throw jiraErrors.notFound(`The custom field was not found.`);
  return field;
}

function fieldContext(ctx: RouteContext): DatasetFieldContext {
  const field = customField(ctx);
  const context = ctx.state.fieldContexts.find(
    (c) => c.fieldId === field.id && c.id === ctx.params.contextId,
  );
  if (!context) throw jiraErrors.notFound(`The context was not found.`);
  return context;
}

const CreateField = z.looseObject({
  name: z.string().min(1),
  type: z.string().min(1),
  description: z.string().optional(),
});
const CreateContext = z.looseObject({
  name: z.string().min(1),
  description: z.string().optional(),
  projectIds: z.array(z.string()).default([]),
  issueTypeIds: z.array(z.string()).default([]),
});
const CreateOptions = z.looseObject({
  options: z.array(z.looseObject({ value: z.string().min(1), disabled: z.boolean().default(false) })).min(1),
});
const UpdateOptions = z.looseObject({
  options: z
    .array(
      z.looseObject({
        id: z.string().min(1),
        value: z.string().min(1).optional(),
        disabled: z.boolean().optional(),
      }),
    )
    .min(1),
});

/**
 * Jira keeps an issue's option by id and shows its current value: after a rename every issue holding
 * the option reads the new value (the emulator stores rendered copies, so it rewrites them).
 */
function renameOnIssues(ctx: RouteContext, fieldId: string, id: string, value: string): void {
  for (const issue of ctx.state.issues.values()) {
    const held: unknown = issue.fields[fieldId];
    if (typeof held === 'object' && held !== null && 'id' in held && held.id === id) {
      issue.fields[fieldId] = { ...held, value };
    }
  }
}

export const fieldRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/field', handler: (ctx) => ok(ctx.state.fields.map(renderField)) },
  {
    method: 'POST',
    template: '/rest/api/3/field',
    handler: (ctx) => {
      requireAdmin(ctx);
      const input = parseInput(CreateField, ctx.body);
      const id = `customfield_${ctx.state.nextId()}`;
      const field: DatasetField = {
        id,
        name: input.name,
        custom: true,
        schema: { ...schemaFor(input.type), custom: input.type },
      };
      ctx.state.fields.push(field);
      ctx.state.fieldContexts.push({
        fieldId: id,
        id: ctx.state.nextId(),
        name: `Default Configuration Scheme for ${input.name}`,
        options: [],
      });
      return ok(renderField(field), 201);
    },
  },
  {
    method: 'GET',
    template: '/rest/api/3/field/{fieldId}/context',
    handler: (ctx) => {
      const field = customField(ctx);
      const contexts = ctx.state.fieldContexts.filter((c) => c.fieldId === field.id);
      const values = contexts.map((c) => ({
        id: c.id,
        name: c.name,
        description: typeof c.description === 'string' ? c.description : '',
        isGlobalContext: !Array.isArray(c.projectIds) || c.projectIds.length === 0,
        isAnyIssueType: !Array.isArray(c.issueTypeIds) || c.issueTypeIds.length === 0,
      }));
      return ok(offsetPage(values, ctx.query));
    },
  },
  {
    method: 'POST',
    template: '/rest/api/3/field/{fieldId}/context',
    handler: (ctx) => {
      requireAdmin(ctx);
      const field = customField(ctx);
      const input = parseInput(CreateContext, ctx.body);
      if (ctx.state.fieldContexts.some((c) => c.fieldId === field.id && c.name === input.name)) {
        throw new JiraError(409, [`A context with the name '${input.name}' already exists for this field.`]);
      }
      const context = {
        fieldId: field.id,
        id: ctx.state.nextId(),
        options: [],
        ...input,
        description: input.description ?? '',
      };
      ctx.state.fieldContexts.push(context);
      const { id, name, description, projectIds, issueTypeIds } = context;
      return ok({ id, name, description, projectIds, issueTypeIds }, 201);
    },
  },
  {
    method: 'GET',
    template: '/rest/api/3/field/{fieldId}/context/{contextId}/option',
    handler: (ctx) => {
      const values = fieldContext(ctx).options.map(({ id, value, disabled }) => ({ id, value, disabled }));
      return ok(offsetPage(values, ctx.query, 100));
    },
  },
  {
    method: 'POST',
    template: '/rest/api/3/field/{fieldId}/context/{contextId}/option',
    handler: (ctx) => {
      requireAdmin(ctx);
      const context = fieldContext(ctx);
      const input = parseInput(CreateOptions, ctx.body);
      const created = input.options.map((o) => {
        if (context.options.some((existing) => existing.value === o.value)) {
          throw jiraErrors.badRequest(`The option '${o.value}' already exists in this context.`);
        }
        return { id: ctx.state.nextId(), value: o.value, disabled: o.disabled };
      });
      context.options.push(...created);
      return ok({ options: created });
    },
  },
  {
    method: 'PUT',
    template: '/rest/api/3/field/{fieldId}/context/{contextId}/option',
    handler: (ctx) => {
      requireAdmin(ctx);
      const context = fieldContext(ctx);
      const input = parseInput(UpdateOptions, ctx.body);
      const updated = input.options.map((o) => {
        const option = context.options.find((existing) => existing.id === o.id);
        if (!option)
          throw jiraErrors.badRequest(`The option with ID ${o.id} does not exist in this context.`);
        if (o.value !== undefined && context.options.some((x) => x.id !== o.id && x.value === o.value)) {
          throw jiraErrors.badRequest(`The option '${o.value}' already exists in this context.`);
        }
        return { option, value: o.value ?? option.value, disabled: o.disabled ?? option.disabled };
      });
      for (const { option, value, disabled } of updated) {
        option.value = value;
        option.disabled = disabled;
        renameOnIssues(ctx, context.fieldId, option.id, value);
      }
      return ok({
        options: updated.map(({ option }) => ({
          id: option.id,
          value: option.value,
          disabled: option.disabled,
        })),
      });
    },
  },
];
