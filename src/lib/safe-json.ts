/**
 * JSON that is safe inside an HTML `<script>`: `<`, `>`, `&` and U+2028/2029
 * are escaped, so no text from the data can end the script (F6 in tests/checklist/README.md).
 * @param value Any JSON value.
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
