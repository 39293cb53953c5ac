import { proposedOrder } from '../../src/domain/priority/proposed-order';

describe('proposedOrder: a partial proposal laid over the whole MetaScrum order', () => {
  const current = ['A-1', 'H-1', 'A-2', 'A-3', 'H-2'];

  it('puts the proposed epics in the places they hold now, in the proposed order', () => {
    expect(proposedOrder(current, ['A-3', 'A-1', 'A-2'])).toEqual(['A-3', 'H-1', 'A-1', 'A-2', 'H-2']);
  });

  it('keeps every epic the proposal does not list in its place (epics the user cannot see)', () => {
    expect(proposedOrder(current, ['A-2', 'A-1'])).toEqual(['A-2', 'H-1', 'A-1', 'A-3', 'H-2']);
  });

  it('leaves the order as it is when the proposal is the current order', () => {
    expect(proposedOrder(current, ['A-1', 'A-2', 'A-3'])).toEqual(current);
  });
});
