import type { BoardEstimation, CatalogField } from '../../src/domain/config/field-resolution';
import { parseProgramConfig } from '../../src/domain/config/program-config';
import { fieldDiscoveryOf, fieldsToRead } from '../../src/services/snapshot/field-discovery';

const catalog: CatalogField[] = [
  { id: 'summary', name: 'Summary' },
  { id: 'customfield_10016', name: 'Story point estimate', schema: { type: 'number' } },
  // A German site's estimation field: no known story-point name matches it.
  { id: 'customfield_10077', name: 'Storypunkte', schema: { type: 'number' } },
];
const config = parseProgramConfig({});

async function lists(boards: BoardEstimation[], previousPoints?: string) {
  const toRead = fieldsToRead(
    Promise.resolve(catalog),
    Promise.resolve(fieldDiscoveryOf(catalog, boards, undefined, config)),
    config,
    previousPoints,
  );
  return { first: await toRead.first, all: await toRead.all };
}

const lacking = (first: readonly string[], all: readonly string[]) => all.filter((f) => !first.includes(f));

describe('the fields a full build reads, before and after the boards answer', () => {
  it('asks for every named story-point field from the catalog alone, and the boards add nothing when they estimate with one', async () => {
    const { first, all } = await lists([{ boardId: 1, projectKey: 'PAY', fieldId: 'customfield_10016' }]);
    expect(first).toContain('customfield_10016');
    expect(lacking(first, all)).toEqual([]);
  });

  it("adds a board's estimation field that no story-point name matches only once the boards answer", async () => {
    const { first, all } = await lists([{ boardId: 1, projectKey: 'PAY', fieldId: 'customfield_10077' }]);
    expect(first).not.toContain('customfield_10077');
    expect(lacking(first, all)).toEqual(['customfield_10077']);
  });

  it('asks for the field the previous build read from the first page, so a rebuild reads no page twice', async () => {
    const board = { boardId: 1, projectKey: 'PAY', fieldId: 'customfield_10077' };
    const { first, all } = await lists([board], 'customfield_10077');
    expect(lacking(first, all)).toEqual([]);
  });

  it('leaves out a previous field the catalog no longer has', async () => {
    const { first } = await lists([], 'customfield_99999');
    expect(first).not.toContain('customfield_99999');
  });
});
