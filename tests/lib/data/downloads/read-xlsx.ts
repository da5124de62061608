/**
 * Reads an XLSX file back for tests, as a spreadsheet would: its sheets by
 * name, each cell's type, value, number format and style, and the shared
 * strings decoded (XML entities, then Excel's `_xHHHH_` escapes).
 */
import { readZip } from './read-zip.ts';

/** A cell as a spreadsheet sees it. */
export interface ReadCell {
  /** `n` a number, `s` a shared string. */
  type: 'n' | 's';
  value: number | string;
  /** The number format code (`General` when none). */
  format: string;
  bold: boolean;
  /** Shown with a leading `'`: kept as text when edited. */
  quoted: boolean;
}

/** One sheet: its name, its XML, and its cells by reference (`B2`). */
export interface ReadSheet {
  name: string;
  xml: string;
  cells: Map<string, ReadCell>;
  /** The `r` of every row, in order. */
  rows: number[];
}

/** The text of XML content: entities and character references decoded. */
function decodeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, (_, name: string) =>
    name.startsWith('#')
      ? String.fromCodePoint(Number(name.slice(1)))
      : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name]!,
  );
}

/**
 * Reads the workbook.
 * @param bytes The XLSX file.
 */
export function readXlsx(bytes: Uint8Array): { files: Map<string, string>; sheets: ReadSheet[] } {
  const files = new Map(readZip(bytes).map((entry) => [entry.name, entry.data.toString('utf8')]));
  const file = (name: string) => {
    const text = files.get(name);
    if (text === undefined) throw new Error(`no ${name} in the workbook`);
    return text;
  };
  const strings = [...file('xl/sharedStrings.xml').matchAll(/<si><t xml:space="preserve">([\s\S]*?)<\/t><\/si>/g)].map(
    (match) =>
      decodeXml(match[1]!).replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
  );
  const styles = file('xl/styles.xml');
  const formats = new Map(
    [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)].map((match) => [
      Number(match[1]),
      decodeXml(match[2]!),
    ]),
  );
  const xfs = [.../<cellXfs count="\d+">([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!.matchAll(/<xf ([^>]*)\/>/g)].map(
    (match) => {
      const format = Number(/numFmtId="(\d+)"/.exec(match[1]!)![1]);
      return {
        format: format === 0 ? 'General' : formats.get(format)!,
        bold: /fontId="1"/.test(match[1]!),
        quoted: /quotePrefix="1"/.test(match[1]!),
      };
    },
  );
  const targets = new Map(
    [
      ...file('xl/_rels/workbook.xml.rels').matchAll(
        /<Relationship Id="(rId\d+)" Type="[^"]*\/worksheet" Target="([^"]+)"\/>/g,
      ),
    ].map((match) => [match[1]!, `xl/${match[2]}`]),
  );
  const sheets = [...file('xl/workbook.xml').matchAll(/<sheet name="([^"]*)" sheetId="\d+" r:id="(rId\d+)"\/>/g)].map(
    (match): ReadSheet => {
      const xml = file(targets.get(match[2]!)!);
      const cells = new Map<string, ReadCell>();
      const found = [...xml.matchAll(/<c r="([A-Z]+\d+)"(?: s="(\d+)")? t="(n|s)"><v>([^<]*)<\/v><\/c>/g)];
      // Every cell must be one of the two kinds read here: none may hide a formula or an inline string.
      if (found.length !== (xml.match(/<c /g) ?? []).length) throw new Error(`${match[1]}: a cell of another kind`);
      for (const [, ref, style, type, value] of found) {
        const xf = xfs[Number(style ?? 0)]!;
        cells.set(ref!, {
          type: type as 'n' | 's',
          value: type === 'n' ? Number(value) : strings[Number(value)]!,
          ...xf,
        });
      }
      const rows = [...xml.matchAll(/<row r="(\d+)"/g)].map((row) => Number(row[1]));
      return { name: decodeXml(match[1]!), xml, cells, rows };
    },
  );
  return { files, sheets };
}
