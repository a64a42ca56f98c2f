import { describe, expect, it } from 'vitest';
import { mapFromRoles, repeatedRoles, type FieldRole } from '../../src/core/convert/index.ts';

// Found by the import e2e test in the keyboard project: walking a field's select with the arrow
// keys passes "term" and "definition" on the way, and taking those away from the other fields on
// each step lost the whole mapping. Now each field keeps its own choice and a repeat is reported.
describe('the mapping screen’s roles', () => {
  it('walking one field through every role leaves the other fields as they were', () => {
    let roles: FieldRole[] = ['term', 'definition', ''];
    for (const step of ['term', 'definition', 'example'] as FieldRole[]) roles = roles.map((r, i) => (i === 2 ? step : r));
    expect(roles).toEqual(['term', 'definition', 'example']);
    expect(repeatedRoles(roles)).toEqual([]);
    expect(mapFromRoles(roles)).toEqual({ term: 0, definition: 1, example: 2 });
  });

  it('a role chosen for two fields is reported, per translation language too; "not used" never is', () => {
    expect(repeatedRoles(['term', 'term', '', ''])).toEqual(['term']);
    expect(repeatedRoles(['translation:en', 'translation:fr', 'translation:en'])).toEqual(['translation:en']);
    expect(repeatedRoles(['term', 'definition', '', ''])).toEqual([]);
  });
});
