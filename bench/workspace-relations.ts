import type { Page } from "@playwright/test";
import { asc, eq } from "drizzle-orm";
import { insertRows } from "@/db/bulk-insert";
import { tablesOf, type Db } from "@/db/open-database";
import { returnedRow } from "@/db/returned-row";

/** The relation type the bench relates with; its key is pressed on the target span. */
export const benchRelationKey = "o";

/**
 * Gives the project a relation type and, when `relations` > 0, relates that many pairs of the
 * document's spans: each from a span to the one after next, spread evenly through the text, so
 * arcs nest over a span between their ends on every screen, as a busy layer's do.
 */
export async function seedRelations(db: Db, projectId: number, documentId: number, count: number) {
  const { annotations, relationTypes, spans, spanRelations } = tablesOf(db);
  const { id: typeId } = returnedRow(
    await db
      .insert(relationTypes)
      .values({
        projectId,
        name: "mentions",
        color: "#d62728",
        hotkey: benchRelationKey,
        position: 0,
      })
      .returning({ id: relationTypes.id }),
  );
  if (count === 0) return;
  const [layer] = await db
    .select({ id: annotations.id })
    .from(annotations)
    .where(eq(annotations.documentId, documentId))
    .limit(1);
  if (!layer) throw new Error("the bench document has no annotation to relate in");
  const ids = (
    await db
      .select({ id: spans.id })
      .from(spans)
      .where(eq(spans.annotationId, layer.id))
      .orderBy(asc(spans.start))
  ).map((span) => span.id);
  const step = (ids.length - 2) / count;
  const rows = Array.from({ length: count }, (_, i) => {
    const at = Math.floor(i * step);
    return {
      annotationId: layer.id,
      sourceSpanId: ids[at] as number,
      targetSpanId: ids[at + 2] as number,
      typeId,
    };
  });
  await insertRows(db, spanRelations, rows);
}

/**
 * Relates span after span from the top of the text by keyboard (Shift+R on the focused span, Tab
 * to the next, the type's key): milliseconds from each type key to its arc painted. The bench's
 * own relations go from a span to the next one, which no seeded relation does.
 */
export async function timeRelates(page: Page, runs: number): Promise<number[]> {
  await page.getByTestId("document-text").focus();
  await page.keyboard.press("Tab");
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await page
      .getByTestId("save-state")
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    await page.keyboard.press("Shift+R");
    await page.keyboard.press("Tab");
    await page.evaluate(watchNewArc);
    await page.keyboard.press(benchRelationKey);
    times.push(
      await page.evaluate(() => (window as unknown as { arcPainted: Promise<number> }).arcPainted),
    );
  }
  return times;
}

/** Arms a stopwatch from the next key press to the paint of an arc the text did not have. */
function watchNewArc() {
  const pane = document.querySelector('[data-testid="document-text"]');
  // No named function in here: the bundler would wrap it in a naming helper the page lacks.
  const before = new Set(
    [...(pane?.querySelectorAll<SVGElement>("[data-relation-arc]") ?? [])].map(
      (arc) => arc.dataset.relationArc,
    ),
  );
  (window as unknown as { arcPainted: Promise<number> }).arcPainted = new Promise((resolve) => {
    let pressedAt = 0;
    document.addEventListener("keydown", (event) => (pressedAt = event.timeStamp), {
      capture: true,
      once: true,
    });
    const observer = new MutationObserver(() => {
      const arcs = [...(pane?.querySelectorAll<SVGElement>("[data-relation-arc]") ?? [])];
      if (arcs.every((arc) => before.has(arc.dataset.relationArc))) return;
      observer.disconnect();
      // As for a tag: the frame about to paint the new arc, with its layout counted.
      requestAnimationFrame(() => {
        void document.body.offsetHeight;
        resolve(performance.now() - pressedAt);
      });
    });
    if (pane) observer.observe(pane, { childList: true, subtree: true });
  });
}
