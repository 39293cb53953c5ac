import { itemGroups, itemsAt } from '../../src/domain/model/item-groups';
import type { ItemKind, ProgramItem } from '../../src/domain/model/program-model';
import { externalItem } from '../../src/domain/normalise/external-item';

function item(key: string, kind: ItemKind, extra: Partial<ProgramItem> = {}): ProgramItem {
  return { ...externalItem(key, key, 'To Do', false, kind, kind), external: false, ...extra };
}

describe('itemGroups', () => {
  const items = [
    item('A-1', 'backlog'),
    item('A-2', 'backlog', { done: true }),
    item('A-3', 'epic', { parentVia: 'parent' }),
    item('A-4', 'epic', { done: true }),
    item('A-5', 'impediment', { done: true, flagged: true }),
    item('A-6', 'backlog', { flagged: true, parentVia: 'epic-link' }),
    item('A-7', 'subtask', { flagged: true, done: true, parentVia: 'parent-link' }),
    item('B-1', 'backlog', { external: true, flagged: true }),
    item('B-2', 'epic', { external: true, parentVia: 'parent' }),
  ];
  const groups = itemGroups(items);

  it('lists open and all in-program backlog items, in item order, without external ones', () => {
    expect(groups.openBacklog).toEqual([0, 5]);
    expect(groups.backlog).toEqual([0, 1, 5]);
  });

  it('lists open in-program epics and in-program impediments, open or resolved', () => {
    expect(groups.openEpics).toEqual([2]);
    expect(groups.impediments).toEqual([4]);
  });

  it('lists open flagged items of any kind, external ones too, and external items apart', () => {
    expect(groups.flaggedOpen).toEqual([5, 7]);
    expect(groups.external).toEqual([7, 8]);
  });

  it('counts in-program items, epics and parent sources, not external items', () => {
    expect(groups.inProgram).toBe(7);
    expect(groups.epicsInProgram).toBe(2);
    expect(groups.parentSources).toEqual({ parent: 1, 'epic-link': 1, 'parent-link': 1 });
  });

  it('reads the items of a group in its order', () => {
    expect(itemsAt(items, [5, 0]).map((i) => i.key)).toEqual(['A-6', 'A-1']);
  });
});
