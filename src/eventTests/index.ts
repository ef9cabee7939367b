// What the other features use of the event tests: Add to Test… from their result rows.
export { addToTest } from './addToTest';
export type { RecordedCase } from './addToTest';
