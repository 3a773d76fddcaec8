/**
 * Ordinary news copy, only long: `paragraphs` quoted paragraphs (20,000: about 5 MB), seconds of extraction on any
 * machine. For the per-article time budget's tests.
 */
export function longArticle(paragraphs = 20_000): string {
  const para = (i: number) =>
    `"We will rebuild harbour wall ${i} before the winter storms," said Maria Lopez, the mayor of Portside, ` +
    `adding that the council had set money aside. Tom Baker, a union official, said the plan "came far too ` +
    `late for the families on quay ${i}."`;
  return `Harbour plan\n\nBy Jane Doe\n\n${Array.from({ length: paragraphs }, (_, i) => para(i)).join('\n\n')}\n`;
}
