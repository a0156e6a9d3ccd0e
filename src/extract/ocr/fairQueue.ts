/**
 * A queue that serves its keys in turn: each key (one document) keeps its own first-in first-out
 * line, and the keys take turns, so a 20-page scan does not make a one-page photo behind it
 * wait for all 20 pages.
 */
export class FairQueue<T> {
  private readonly lines = new Map<unknown, T[]>();
  private length = 0;

  get size(): number {
    return this.length;
  }

  push(key: unknown, item: T): void {
    const line = this.lines.get(key);
    if (line) line.push(item);
    else this.lines.set(key, [item]);
    this.length += 1;
  }

  /** The next item of the key whose turn it is; that key then goes to the back. */
  shift(): T | undefined {
    for (const [key, line] of this.lines) {
      const item = line.shift();
      this.lines.delete(key);
      if (line.length > 0) this.lines.set(key, line); // re-inserting moves the key to the back
      if (item !== undefined) {
        this.length -= 1;
        return item;
      }
    }
    return undefined;
  }

  /** Takes an item out wherever it waits (its request gave up); true if it was still queued. */
  remove(key: unknown, item: T): boolean {
    const line = this.lines.get(key);
    const index = line ? line.indexOf(item) : -1;
    if (!line || index < 0) return false;
    line.splice(index, 1);
    if (line.length === 0) this.lines.delete(key);
    this.length -= 1;
    return true;
  }
}
