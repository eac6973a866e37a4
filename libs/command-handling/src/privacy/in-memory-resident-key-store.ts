import { newResidentKey, type ResidentKeyRing, type ResidentKeyState, type ResidentKeyStore } from '@switchboard/ticketing';

/** The key store of a `memory:` event log (tests, demos): keys live and die with the process, like the log. */
export class InMemoryResidentKeyStore implements ResidentKeyStore, ResidentKeyRing {
  private readonly keys = new Map<string, Uint8Array | 'erased'>();

  lookup(recordId: string): ResidentKeyState {
    return this.keys.get(recordId);
  }

  async issue(recordId: string): Promise<Uint8Array | 'erased'> {
    const found = this.keys.get(recordId);
    if (found !== undefined) return found;
    const key = newResidentKey();
    this.keys.set(recordId, key);
    return key;
  }

  async ring(): Promise<ResidentKeyRing> {
    return this;
  }

  async erase(recordId: string): Promise<boolean> {
    const erased = this.keys.get(recordId) !== 'erased';
    const key = this.keys.get(recordId);
    if (key instanceof Uint8Array) key.fill(0);
    this.keys.set(recordId, 'erased');
    return erased;
  }

  async close(): Promise<void> {}
}
