import { describe, expect, it } from 'vitest';
import { excelDate, writeXlsx } from '../../../../src/lib/data/downloads/xlsx.ts';
import { readXlsx } from './read-xlsx.ts';

describe('the XLSX writer', () => {
  it('numbers days as Excel does, and gives none before 1 March 1900, which its calendar gets wrong', () => {
    expect(excelDate(1900, 3, 1)).toBe(61);
    expect(excelDate(1970, 1, 1)).toBe(25_569);
    expect(excelDate(2024, 4, 5)).toBe(45_387);
    expect(excelDate(9999, 12, 31)).toBe(2_958_465);
    expect(excelDate(1900, 2, 28)).toBeUndefined();
    expect(excelDate(1850, 6, 1)).toBeUndefined();
  });

  it('writes the cells of each sheet where they belong, an empty cell as none', async () => {
    const { sheets } = readXlsx(
      await writeXlsx([
        {
          name: 'First',
          rows: [[{ text: 'Name', bold: true }, null, { number: 1.5, format: '0.0' }], [], [null, { number: -0 }]],
        },
        { name: 'Second', rows: [[{ text: 'Name' }]] },
      ]),
    );
    expect(sheets.map((sheet) => sheet.name)).toEqual(['First', 'Second']);
    const [first, second] = sheets;
    expect([...first!.cells.keys()]).toEqual(['A1', 'C1', 'B3']);
    expect(first!.cells.get('A1')).toEqual({ type: 's', value: 'Name', format: 'General', bold: true, quoted: false });
    expect(first!.cells.get('C1')).toEqual({ type: 'n', value: 1.5, format: '0.0', bold: false, quoted: false });
    expect(first!.xml).toContain('<c r="B3" t="n"><v>0</v></c>');
    expect(first!.rows).toEqual([1, 2, 3]);
    // One table of texts for the workbook: the second sheet's "Name" is the first sheet's.
    expect(second!.xml).toContain('<c r="A1" t="s"><v>0</v></c>');
  });

  it('names column 27 AA and column 16,384 XFD, and refuses a row wider than Excel', async () => {
    const row = Array.from({ length: 16_384 }, (_, index) => ({ number: index }));
    const [sheet] = readXlsx(await writeXlsx([{ name: 'Wide', rows: [row] }])).sheets;
    expect(sheet!.cells.get('AA1')?.value).toBe(26);
    expect(sheet!.cells.get('XFD1')?.value).toBe(16_383);
    await expect(writeXlsx([{ name: 'Wider', rows: [[...row, { number: 0 }]] }])).rejects.toThrow(
      'xlsx: row 1 of the sheet "Wider" has 16385 cells, over 16384',
    );
  });

  it('refuses sheet names Excel cannot open', async () => {
    for (const name of ['', 'a/b', 'a[1]', 'x'.repeat(32), "'quoted'", 'what?'])
      await expect(writeXlsx([{ name, rows: [] }]), name).rejects.toThrow('cannot name a sheet');
    await expect(
      writeXlsx([
        { name: 'Data', rows: [] },
        { name: 'data', rows: [] },
      ]),
    ).rejects.toThrow('xlsx: a workbook needs sheets with distinct names');
  });
});
