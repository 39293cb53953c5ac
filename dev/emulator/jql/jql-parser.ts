import { jiraErrors } from '../http/jira-error';

/**
 * The JQL subset the app uses: `field op value` clauses joined by AND, then ORDER BY. Anything else is
 * rejected with Jira's 400 naming the token, so the app never relies on syntax the emulator guesses at.
 */
export type ListField = 'project' | 'issuetype' | 'parent' | 'key' | 'statusCategory' | 'custom';
export type DateField = 'updated' | 'created';
export type OrderField = 'rank' | 'updated' | 'key' | 'created';

export type Clause =
  /** `custom`: a custom field named by `cf[<id>]` or its name, resolved against the site's fields. */
  | { kind: 'list'; field: ListField; negated: boolean; values: string[]; fieldRef?: string }
  | { kind: 'date'; field: DateField; op: '>=' | '>' | '<=' | '<' | '='; value: string };

export interface JqlQuery {
  clauses: Clause[];
  orderBy: { field: OrderField; descending: boolean }[];
}

interface Token {
  kind: 'word' | 'string' | 'op' | 'punct';
  text: string;
  pos: number;
}

const LIST_FIELDS: Record<string, ListField> = {
  project: 'project',
  issuetype: 'issuetype',
  type: 'issuetype',
  parent: 'parent',
  key: 'key',
  issuekey: 'key',
  id: 'key',
  statuscategory: 'statusCategory',
};
const DATE_FIELDS: Record<string, DateField> = {
  updated: 'updated',
  updateddate: 'updated',
  created: 'created',
  createddate: 'created',
};
const ORDER_FIELDS: Record<string, OrderField> = {
  rank: 'rank',
  updated: 'updated',
  key: 'key',
  issuekey: 'key',
  created: 'created',
};

function syntaxError(message: string, token: Token | undefined): Error {
  const where = token ? ` (line 1, character ${token.pos + 1})` : '';
  return jiraErrors.badRequest(`Error in the JQL Query: ${message}${where}.`);
}

function unsupported(token: Token): Error {
  return syntaxError(`the emulator does not support '${token.text}'`, token);
}

export function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  const re =
    /\s+|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(!=|>=|<=|!~|=|>|<|~)|([(),])|([^\s,()=!<>~"']+)|(.)/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(jql)) !== null && m[0] !== '') {
    const pos = m.index;
    if (m[1] !== undefined || m[2] !== undefined) {
      tokens.push({ kind: 'string', text: (m[1] ?? m[2] ?? '').replace(/\\(.)/g, '$1'), pos });
    } else if (m[3] !== undefined) tokens.push({ kind: 'op', text: m[3], pos });
    else if (m[4] !== undefined) tokens.push({ kind: 'punct', text: m[4], pos });
    else if (m[5] !== undefined) tokens.push({ kind: 'word', text: m[5], pos });
    else if (m[6] !== undefined)
      throw syntaxError(`the character '${m[6]}' is a reserved JQL character`, {
        kind: 'word',
        text: m[6],
        pos,
      });
  }
  return tokens;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }
  private next(expected: string): Token {
    const token = this.tokens[this.i++];
    if (!token) throw syntaxError(`Expecting ${expected} but reached the end of the query`, undefined);
    return token;
  }
  private isWord(token: Token | undefined, word: string): boolean {
    return token?.kind === 'word' && token.text.toLowerCase() === word;
  }

  parse(): JqlQuery {
    const query: JqlQuery = { clauses: [], orderBy: [] };
    if (this.peek() && !this.isWord(this.peek(), 'order')) {
      query.clauses.push(this.clause());
      while (this.isWord(this.peek(), 'and')) {
        this.i++;
        query.clauses.push(this.clause());
      }
    }
    if (this.isWord(this.peek(), 'order')) {
      this.i++;
      if (!this.isWord(this.next("'BY'"), 'by'))
        throw syntaxError("Expecting 'BY' after 'ORDER'", this.tokens[this.i - 1]);
      query.orderBy.push(this.sortKey());
      while (this.peek()?.text === ',') {
        this.i++;
        query.orderBy.push(this.sortKey());
      }
    }
    const rest = this.peek();
    if (rest)
      throw this.isWord(rest, 'or') || this.isWord(rest, 'not')
        ? unsupported(rest)
        : syntaxError(`Expecting 'AND' or 'ORDER BY' but got '${rest.text}'`, rest);
    return query;
  }

  private sortKey(): JqlQuery['orderBy'][number] {
    const token = this.next('a field name');
    const field = ORDER_FIELDS[token.text.toLowerCase()];
    if (!field) throw unsupported(token);
    const dir = this.peek();
    if (this.isWord(dir, 'asc') || this.isWord(dir, 'desc')) {
      this.i++;
      return { field, descending: dir?.text.toLowerCase() === 'desc' };
    }
    return { field, descending: false };
  }

  private clause(): Clause {
    const fieldToken = this.next('a field name');
    if (fieldToken.kind !== 'word' && fieldToken.kind !== 'string') throw unsupported(fieldToken);
    const name = fieldToken.text.toLowerCase();
    if (['not', 'or', 'empty', 'null'].includes(name) || fieldToken.text === '(')
      throw unsupported(fieldToken);
    const listField = LIST_FIELDS[name];
    const dateField = DATE_FIELDS[name];
    const opToken = this.next('an operator');
    // Any other name may be a custom field (`cf[10060]` or "Escalation level"): the evaluator checks it.
    const custom = fieldToken.kind === 'string' || /^cf\[\d+\]$/i.test(fieldToken.text);
    if (!listField && !dateField && custom) return this.listClause('custom', opToken, fieldToken.text);
    if (!listField && !dateField) {
      throw jiraErrors.badRequest(
        `Field '${fieldToken.text}' does not exist or you do not have permission to view it.`,
      );
    }
    if (listField) return this.listClause(listField, opToken);
    if (opToken.kind !== 'op' || !['>=', '>', '<=', '<', '='].includes(opToken.text))
      throw unsupported(opToken);
    const op =
      opToken.text === '>=' || opToken.text === '>' || opToken.text === '<=' || opToken.text === '<'
        ? opToken.text
        : '=';
    return { kind: 'date', field: dateField ?? 'updated', op, value: this.value() };
  }

  private listClause(field: ListField, opToken: Token, fieldRef?: string): Clause {
    const ref = fieldRef === undefined ? {} : { fieldRef };
    if (opToken.kind === 'op' && (opToken.text === '=' || opToken.text === '!=')) {
      return { kind: 'list', field, negated: opToken.text === '!=', values: [this.value()], ...ref };
    }
    let negated = false;
    if (this.isWord(opToken, 'not') && this.isWord(this.peek(), 'in')) {
      this.i++;
      negated = true;
    } else if (!this.isWord(opToken, 'in')) throw unsupported(opToken);
    const open = this.next("'('");
    if (open.text !== '(') throw syntaxError(`Expecting '(' but got '${open.text}'`, open);
    const values = [this.value()];
    for (;;) {
      const sep = this.next("')'");
      if (sep.text === ')') break;
      if (sep.text !== ',') throw syntaxError(`Expecting ',' or ')' but got '${sep.text}'`, sep);
      values.push(this.value());
    }
    return { kind: 'list', field, negated, values, ...ref };
  }

  private value(): string {
    const token = this.next('a value');
    if (token.kind === 'string') return token.text;
    if (token.kind !== 'word') throw syntaxError(`Expecting a value but got '${token.text}'`, token);
    if (this.peek()?.text === '(') throw unsupported(token);
    if (['and', 'or', 'not', 'order', 'empty', 'null'].includes(token.text.toLowerCase()))
      throw unsupported(token);
    return token.text;
  }
}

export function parseJql(jql: string): JqlQuery {
  return new Parser(tokenize(jql)).parse();
}
