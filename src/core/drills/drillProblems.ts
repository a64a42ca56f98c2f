/** Problem codes that only drill and writing-prompt files have (the shared ones live in problems.ts). */
export type DrillProblemCode =
  | 'unknown-kind'
  | 'duplicate-item-id'
  | 'duplicate-drill-id'
  | 'duplicate-prompt-id'
  | 'answer-not-in-options'
  | 'duplicate-option'
  | 'tiles-mismatch'
  | 'alternative-mismatch'
  | 'fix-markup'
  | 'fix-no-errors'
  | 'rubric-empty'
  | 'model-breaks-rubric'
  | 'equivalent-form'
  | 'equivalent-duplicate'
  | 'fix-equivalent';

declare module '../content/problems.ts' {
  interface ProblemCodeRegistry {
    drill: DrillProblemCode;
  }
}
