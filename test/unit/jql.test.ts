import { keyIn, projectIn, UnsafeJqlValue } from '../../src/jira/jql';

describe('JQL builders', () => {
  it('quotes validated project keys', () => {
    expect(projectIn(['PAY', 'CHK'])).toBe('project in ("PAY", "CHK")');
  });

  it.each(['PAY) OR project is not EMPTY', 'pay', '"PAY"', 'PAY, CHK', ''])(
    'refuses the project value %j instead of building JQL with it',
    (value) => {
      expect(() => projectIn([value])).toThrow(UnsafeJqlValue);
    },
  );

  it('names the field at fault', () => {
    expect(() => keyIn(['PAY-1', 'x'])).toThrow(/key: "x" is not a valid issue key/);
  });
});
