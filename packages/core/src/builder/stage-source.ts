/** The part of a stage that other stages refer to: its name, as a value that only a stage can make. */
export interface StageSource {
  readonly kind: 'Stage';
  readonly name: string;
}
