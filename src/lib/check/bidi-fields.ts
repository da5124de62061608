/**
 * Bidirectional control characters outside a report's body: in frontmatter,
 * in a dataset's sidecar (title, sources, column labels) and in CSV cells
 * (category values become legend, table and tooltip labels). Each text field
 * gets the warning the body gets, at the field's own line and column.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { findBidiControl } from '../bidi.ts';
import { cellPlace, parseCsv } from '../data/csv.ts';
import type { Dataset } from '../data/load-dataset.ts';
import { issue } from '../error-codes/define.ts';
import { TB205 } from '../error-codes/project.ts';
import type { Issue, Problem } from '../errors.ts';

const ANY_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * The warning for the first bidirectional control character in a text field, with its offset in the text.
 * @param text The field's text.
 * @param field What the text is, for the message (`the title`, `a label in column "tier"`).
 */
export function bidiIssue(text: string, field: string): (Issue & { offset: number }) | undefined {
  const control = findBidiControl(text);
  if (!control) return undefined;
  const { offset, ...args } = control;
  return { offset, ...issue(TB205, { ...args, field }) };
}

/**
 * Warnings for text values in YAML (frontmatter or a sidecar), one per value.
 * @param text The YAML text.
 * @param path Path relative to the project root.
 * @param lineOffset Lines before the YAML in its file (frontmatter starts on line 2) (default: `0`).
 */
export function bidiInYaml(text: string, path: string, lineOffset = 0): Problem[] {
  if (!ANY_CONTROL.test(text)) return [];
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) return [];
  const problems: Problem[] = [];
  const walk = (node: unknown, field: string) => {
    if (isMap(node)) {
      for (const pair of node.items)
        walk(pair.value, `${field}${field ? '.' : ''}${isScalar(pair.key) ? String(pair.key.value) : '?'}`);
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        walk(item, `${field}[${index}]`);
      });
    } else if (isScalar(node) && typeof node.value === 'string') {
      const warning = bidiIssue(node.value, `the field ${field}`);
      if (!warning) return;
      const { offset, ...rest } = warning;
      // At the character itself when it is written as is; at the value when it is written as an escape (\u202E).
      const [start = 0, end = start] = (node as YamlNode).range ?? [];
      const at = text.slice(start, end).indexOf(node.value.charAt(offset));
      const place = lineCounter.linePos(at === -1 ? start : start + at);
      problems.push({ path, line: place.line + lineOffset, column: place.col, ...rest });
    }
  };
  walk(document.contents, '');
  return problems;
}

/**
 * Warnings for CSV cells and header names, one per cell, at the cell's line and column.
 * @param text The decoded CSV text.
 * @param path Path relative to the project root.
 * @param delimiter The field delimiter (default: `,`).
 */
function bidiInCsv(text: string, path: string, delimiter = ','): Problem[] {
  if (!ANY_CONTROL.test(text)) return [];
  const csv = parseCsv(text, path, delimiter);
  const problems: Problem[] = [];
  const check = (value: string, field: string, place: { line: number; column: number }) => {
    const warning = bidiIssue(value, field);
    if (!warning) return;
    const { offset, ...rest } = warning;
    // The column of the character itself, when the cell is on one line and unquoted before it.
    const column = value.slice(0, offset).includes('\n') ? place.column : place.column + offset;
    problems.push({ path, line: place.line, column, ...rest });
  };
  csv.header.forEach((name, index) => {
    check(name, `the name of column ${index + 1}`, {
      line: csv.headerLine,
      column: headerColumn(csv.header, index, delimiter),
    });
  });
  for (const row of csv.rows) {
    row.cells.forEach((value, index) => {
      check(
        value,
        `a cell of column ${JSON.stringify(csv.header[index] ?? String(index + 1)).replace(/[\u202A-\u202E\u2066-\u2069]/g, '')}`,
        cellPlace(row, index, delimiter),
      );
    });
  }
  return problems;
}

/** Where a header name starts, for headers written without quotes (the usual case). */
function headerColumn(header: string[], index: number, delimiter: string): number {
  return header.slice(0, index).reduce((column, name) => column + name.length + delimiter.length, 1);
}

/**
 * Warnings for a readable dataset's sidecar and CSV (its cells become labels, titles and credits).
 * @param root The project root (absolute).
 * @param dataset The dataset, read without errors.
 */
export function datasetBidiWarnings(root: string, dataset: Pick<Dataset, 'path' | 'metaPath' | 'meta'>): Problem[] {
  const problems: Problem[] = [];
  const metaFile = join(root, dataset.metaPath);
  if (existsSync(metaFile)) problems.push(...bidiInYaml(readFileSync(metaFile, 'utf8'), dataset.metaPath));
  // A query's text is SQL, not cells; its values are shown isolated like every value.
  if (dataset.path.endsWith('.sql')) return problems;
  problems.push(
    ...bidiInCsv(
      readFileSync(join(root, dataset.path), 'utf8').replace(/^\uFEFF/, ''),
      dataset.path,
      dataset.meta.delimiter,
    ),
  );
  return problems;
}
