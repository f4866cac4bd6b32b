/** One labelled line of a form. */
export type FormRow = [label: string, value: string];

export interface FormSection {
  heading: string;
  rows: FormRow[];
}

/** What a form shows, already in the reader's words: the renderer lays it out, it does not compose it. */
export interface FormContent {
  title: string;
  reference: string;
  sections: FormSection[];
}
