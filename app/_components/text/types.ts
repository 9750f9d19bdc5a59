/** What the text components need of a label and a span, whichever layer they come from. */
export type TextLabel = {
  id: number;
  name: string;
  color: string;
  hotkey: string | null;
  description: string;
};

export type TextSpan = { id: number; start: number; end: number; labelId: number };
