export function complete(): string[] { return [] }
