/**
 * Students' display names. Two students with the same name in one assignment
 * are both kept and told apart by a number: "Sam" and "Sam (2)". Names match
 * case-insensitively ("sam" and "Sam" are the same name).
 */

/** The key names are compared by (the name itself is already cleaned by the validation schema). */
export function nameKey(displayName: string): string {
  return displayName.normalize('NFC').toLocaleLowerCase('und');
}

/** "Sam" for the first Sam, "Sam (2)" for the second, and so on. */
export function nameLabel(displayName: string, nameIndex: number): string {
  return nameIndex > 1 ? `${displayName} (${nameIndex})` : displayName;
}
