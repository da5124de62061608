/**
 * The distinct texts of one column, numbered in the order they are added and found by
 * their characters. A cell is looked up where it stands in the file's text, so a text
 * seen before (a year, a tier: nearly every cell of tidy data) is found without cutting
 * a string out for it, and a string is cut only for a text seen for the first time.
 */

/** A text's number when it is not in the memo. */
export const UNKNOWN = -1;

/** A set of at most `limit` texts, each with its number (0, 1, 2 … in the order added). */
export class TextMemo {
  readonly #words: string[] = [];
  readonly #hashes: number[] = [];
  /** Open addressing: a word's number plus one, 0 for an empty slot. Twice the limit, so probes stay short. */
  readonly #slots: Int32Array;
  readonly #mask: number;

  /**
   * An empty memo.
   * @param limit The most texts it will hold.
   */
  constructor(limit: number) {
    let size = 16;
    while (size < 2 * limit) size *= 2;
    this.#slots = new Int32Array(size);
    this.#mask = size - 1;
  }

  /** How many texts it holds. */
  get size(): number {
    return this.#words.length;
  }

  /**
   * The number of the text `text.slice(start, end)`, or UNKNOWN.
   * @param text A string that holds the text.
   * @param start Where the text starts in it.
   * @param end One past where it ends.
   */
  find(text: string, start: number, end: number): number {
    // FNV-1a over UTF-16 code units.
    let hash = 0x811c9dc5;
    for (let at = start; at < end; at++) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193);
    const slots = this.#slots;
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const number = slots[slot]! - 1;
      if (number === UNKNOWN) return UNKNOWN;
      if (this.#hashes[number] === hash && sameText(this.#words[number]!, text, start, end)) return number;
    }
  }

  /**
   * Adds a text that is not in the memo yet.
   * @param word The text, as its own string.
   * @returns Its number.
   */
  add(word: string): number {
    let hash = 0x811c9dc5;
    for (let at = 0; at < word.length; at++) hash = Math.imul(hash ^ word.charCodeAt(at), 0x01000193);
    const number = this.#words.length;
    this.#words.push(word);
    this.#hashes.push(hash);
    const slots = this.#slots;
    let slot = hash & this.#mask;
    while (slots[slot] !== 0) slot = (slot + 1) & this.#mask;
    slots[slot] = number + 1;
    return number;
  }
}

function sameText(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let at = 0; at < word.length; at++) if (word.charCodeAt(at) !== text.charCodeAt(start + at)) return false;
  return true;
}
