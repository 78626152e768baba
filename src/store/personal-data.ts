import type { PersonalData } from '../core/ports.js';

/** One repository's view of a person's data. Every repository that stores anything about people has one. */
export interface PersonalDataSource {
  /** The section name in the exported JSON. */
  name: string;
  export(email: string): Promise<unknown>;
  erase(email: string): Promise<void>;
}

/** All repositories' personal data as one: the export has one section per repository. */
export function combinePersonalData(sources: readonly PersonalDataSource[]): PersonalData {
  return {
    async exportAll(email) {
      const sections = await Promise.all(sources.map(async (s) => [s.name, await s.export(email)] as const));
      return Object.fromEntries(sections);
    },
    async eraseAll(email) {
      for (const source of sources) await source.erase(email);
    },
  };
}
