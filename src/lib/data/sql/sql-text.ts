/**
 * Reads the text of a `.sql` dataset without running it: where its statements
 * start, what their first keyword is and where each quoted string is. The
 * checks that a query only reads files under `data/raw/` and holds one
 * `SELECT` work on this, so a hostile query is refused before DuckDB sees it,
 * at the line and column of the offending word or path.
 */

/** A position in the file, 1-based, columns counted in characters. */
export interface SqlPlace {
  line: number;
  column: number;
}

/** A single-quoted string in the query, with its value (quotes doubled inside it undone). */
export interface SqlString extends SqlPlace {
  value: string;
  /** Offset of the opening quote. */
  offset: number;
}

/** A name in the query: a bare word (`engagement`, `SELECT`) or a quoted name (`"engagement"`). */
export interface SqlWord extends SqlPlace {
  value: string;
  quoted: boolean;
}

/** One statement: its first word (upper case, or `(` for a parenthesised query) and where it starts. */
export interface SqlStatement extends SqlPlace {
  keyword: string;
  offset: number;
}

/** What the scan found. */
export interface SqlText {
  statements: SqlStatement[];
  strings: SqlString[];
  words: SqlWord[];
  /** A quote or comment still open at the end of the file, with where it opened. */
  unclosed?: (SqlPlace & { kind: 'string' | 'quoted name' | 'comment' | 'dollar-quoted string' }) | undefined;
}

/**
 * Turns character offsets into lines and columns.
 * @param text The file's text.
 */
export function placeFinder(text: string): (offset: number) => SqlPlace {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}

const WORD = /[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/y;
const DOLLAR_TAG = /\$([A-Za-z_][A-Za-z0-9_]*)?\$/y;

/**
 * Scans a query: comments (`--`, nested `/* … *\/`), strings (`'…'`, `E'…'`,
 * `$tag$…$tag$`), quoted names (`"…"`) and the `;` between statements.
 * @param text The file's text.
 */
export function scanSql(text: string): SqlText {
  const place = placeFinder(text);
  const statements: SqlStatement[] = [];
  const strings: SqlString[] = [];
  const words: SqlWord[] = [];
  let expectStatement = true;
  let i = 0;
  const startStatement = (offset: number, keyword: string) => {
    if (!expectStatement) return;
    statements.push({ keyword, offset, ...place(offset) });
    expectStatement = false;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === ';') {
      expectStatement = true;
      i++;
    } else if (/\s/.test(c)) {
      i++;
    } else if (c === '-' && text[i + 1] === '-') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end + 1;
    } else if (c === '/' && text[i + 1] === '*') {
      let depth = 1;
      let j = i + 2;
      while (j < text.length && depth > 0) {
        if (text[j] === '/' && text[j + 1] === '*') {
          depth++;
          j += 2;
        } else if (text[j] === '*' && text[j + 1] === '/') {
          depth--;
          j += 2;
        } else j++;
      }
      if (depth > 0) return { statements, strings, words, unclosed: { kind: 'comment', ...place(i) } };
      i = j;
    } else if (c === "'" || ((c === 'E' || c === 'e') && text[i + 1] === "'")) {
      startStatement(i, c === "'" ? "'" : 'E');
      const escapes = c !== "'";
      const open = escapes ? i + 1 : i;
      let value = '';
      let j = open + 1;
      let closed = false;
      while (j < text.length) {
        const d = text[j]!;
        if (escapes && d === '\\' && j + 1 < text.length) {
          value += text[j + 1];
          j += 2;
        } else if (d === "'" && text[j + 1] === "'") {
          value += "'";
          j += 2;
        } else if (d === "'") {
          closed = true;
          j++;
          break;
        } else {
          value += d;
          j++;
        }
      }
      if (!closed) return { statements, strings, words, unclosed: { kind: 'string', ...place(open) } };
      strings.push({ value, offset: open, ...place(open) });
      i = j;
    } else if (c === '"') {
      startStatement(i, '"');
      let j = i + 1;
      let closed = false;
      while (j < text.length) {
        if (text[j] === '"' && text[j + 1] === '"') j += 2;
        else if (text[j] === '"') {
          closed = true;
          j++;
          break;
        } else j++;
      }
      if (!closed) return { statements, strings, words, unclosed: { kind: 'quoted name', ...place(i) } };
      words.push({ value: text.slice(i + 1, j - 1).replace(/""/g, '"'), quoted: true, ...place(i) });
      i = j;
    } else if (c === '$') {
      DOLLAR_TAG.lastIndex = i;
      const tag = DOLLAR_TAG.exec(text);
      if (!tag) {
        startStatement(i, '$');
        i++;
        continue;
      }
      startStatement(i, '$');
      const end = text.indexOf(tag[0], i + tag[0].length);
      if (end === -1) return { statements, strings, words, unclosed: { kind: 'dollar-quoted string', ...place(i) } };
      strings.push({ value: text.slice(i + tag[0].length, end), offset: i, ...place(i) });
      i = end + tag[0].length;
    } else {
      WORD.lastIndex = i;
      const word = WORD.exec(text);
      if (word) {
        startStatement(i, word[0].toUpperCase());
        words.push({ value: word[0], quoted: false, ...place(i) });
        i += word[0].length;
      } else {
        startStatement(i, c);
        i++;
      }
    }
  }
  return { statements, strings, words };
}
