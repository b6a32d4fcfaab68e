/** Placeholder replaced by the demo-data generator (issue 2, item 4). */
export async function seedIfEmpty(_options: { log: (line: string) => void }): Promise<void> {}
