/**
 * Small integer slots for person ids, so a row can name its person in an Int32Array and
 * the best score per person is one Float32Array. A slot is freed when its person has no
 * rows left and reused by the next new person, so the slot count tracks the live people.
 */
export class PersonSlots {
  private readonly slotOf = new Map<string, number>();
  private readonly ids: (string | undefined)[] = [];
  private readonly rows: number[] = [];
  private readonly free: number[] = [];

  /** Slots in use or free: the length a per-slot array needs. */
  get size(): number {
    return this.ids.length;
  }

  get people(): number {
    return this.slotOf.size;
  }

  /** The person's slot, taken when it had none, with one more row counted. */
  acquire(personId: string): number {
    let slot = this.slotOf.get(personId);
    if (slot === undefined) {
      slot = this.free.pop() ?? this.ids.length;
      this.slotOf.set(personId, slot);
      this.ids[slot] = personId;
      this.rows[slot] = 0;
    }
    this.rows[slot] = (this.rows[slot] as number) + 1;
    return slot;
  }

  /** Counts one row fewer for the slot's person; frees the slot at zero. */
  release(slot: number): void {
    const left = (this.rows[slot] as number) - 1;
    this.rows[slot] = left;
    if (left > 0) return;

    this.slotOf.delete(this.ids[slot] as string);
    this.ids[slot] = undefined;
    this.free.push(slot);
  }

  personAt(slot: number): string | undefined {
    return this.ids[slot];
  }
}
