import type { Cell } from './report-table';
import { zipStore } from './zip-store';

/** One worksheet: a name (at most 31 characters, as Excel allows) and its rows. */
export interface Sheet {
  readonly name: string;
  readonly rows: readonly (readonly Cell[])[];
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/**
 * An Office Open XML workbook (ECMA-376, the .xlsx format) of `sheets`: the smallest set
 * of parts Excel, LibreOffice and Google Sheets open. Text goes in inline strings, so a
 * cell that starts with `=` is text, never a formula; numbers stay numbers.
 */
export function xlsxWorkbook(sheets: readonly Sheet[]): Buffer {
  const numbered = sheets.map((sheet, i) => ({ ...sheet, n: i + 1 }));
  const xml = (body: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);

  return zipStore([
    { name: '[Content_Types].xml', bytes: xml(contentTypes(numbered.map((s) => s.n))) },
    {
      name: '_rels/.rels',
      bytes: xml(
        `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" ` +
          `Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      bytes: xml(
        `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
          numbered
            .map(
              (s) =>
                `<sheet name="${escape(s.name.slice(0, 31))}" sheetId="${s.n}" r:id="rId${s.n}"/>`,
            )
            .join('') +
          '</sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      bytes: xml(
        `<Relationships xmlns="${PKG_REL}">` +
          numbered
            .map(
              (s) =>
                `<Relationship Id="rId${s.n}" Type="${REL}/worksheet" ` +
                `Target="worksheets/sheet${s.n}.xml"/>`,
            )
            .join('') +
          '</Relationships>',
      ),
    },
    ...numbered.map((s) => ({
      name: `xl/worksheets/sheet${s.n}.xml`,
      bytes: xml(sheetXml(s.rows)),
    })),
  ]);
}

function contentTypes(sheetNumbers: readonly number[]): string {
  const sheets = sheetNumbers
    .map(
      (n) =>
        `<Override PartName="/xl/worksheets/sheet${n}.xml" ` +
        `ContentType="${OFFICE}.worksheet+xml"/>`,
    )
    .join('');
  return (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${OFFICE}.sheet.main+xml"/>` +
    sheets +
    '</Types>'
  );
}

function sheetXml(rows: readonly (readonly Cell[])[]): string {
  const body = rows
    .map((cells, r) => {
      const xmlCells = cells.map((cell, c) => {
        const ref = `${column(c)}${r + 1}`;
        return typeof cell === 'number'
          ? `<c r="${ref}"><v>${cell}</v></c>`
          : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escape(cell)}</t></is></c>`;
      });
      return `<row r="${r + 1}">${xmlCells.join('')}</row>`;
    })
    .join('');
  return `<worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData></worksheet>`;
}

/** A, B, ..., Z, AA, AB, ... for a zero-based column index. */
function column(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

function escape(text: string): string {
  return (
    text
      // XML 1.0 cannot carry most control characters at all.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}
