/**
 * The document page's HTML carries its text, so a reader sees it before the page's code has
 * loaded and can take a click or a key. What they do in that moment is held, and handed to the
 * page once it can act on it, in the order it was done: a word double-clicked and tagged at
 * once is tagged. The native selection needs no help: hydration keeps the text's DOM as it is.
 */

const stash = "__concordHeldInput";

type Take = () => Event[];

/**
 * Runs inline in the HTML, before any bundle, so it may use nothing from outside its body. Holds
 * back clicks and mouse-ups on the workspace and key presses outside form fields; links keep
 * working as plain links.
 */
function holdEarlyInput(stashName: string, regionSelector: string) {
  const held: Event[] = [];
  const types = ["mouseup", "click", "keydown"];
  const hold = (event: Event) => {
    const target = event.target instanceof Element ? event.target : null;
    const onRegion = target?.closest(regionSelector) && !target.closest("a[href]");
    const isKey = event.type === "keydown" && !target?.closest("input, textarea, select");
    if (!(event.type === "keydown" ? isKey : onRegion)) return;
    event.stopImmediatePropagation();
    held.push(event);
  };
  for (const type of types) window.addEventListener(type, hold, true);
  const take: Take = () => {
    for (const type of types) window.removeEventListener(type, hold, true);
    return held;
  };
  Object.assign(window, { [stashName]: take });
}

const regionAttribute = "data-holds-early-input";

/** Marks the part of the page whose clicks are held until the page can take them. */
export const earlyInputRegion = { [regionAttribute]: "" };

export const holdEarlyInputScript = `(${holdEarlyInput.toString()})(${JSON.stringify(stash)}, ${JSON.stringify(`[${regionAttribute}]`)})`;

/**
 * Gives the page what was held, one event a task so each handler sees the page its predecessor
 * left; from then on events go straight to the page. Returns a function that drops the rest.
 */
export function replayEarlyInput(): () => void {
  const holder = window as unknown as Record<string, Take | undefined>;
  const take = holder[stash];
  if (!take) return () => {};
  delete holder[stash];
  const held = take();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const replayFrom = (index: number) => {
    const event = held[index];
    if (!event) return;
    const copy = copyEvent(event);
    const target = event.target instanceof Node && event.target.isConnected ? event.target : null;
    if (copy) (target ?? document.body).dispatchEvent(copy);
    timer = setTimeout(() => replayFrom(index + 1));
  };
  replayFrom(0);
  return () => clearTimeout(timer);
}

/** A fresh event like the one held: an event once dispatched keeps what its listeners did to it. */
function copyEvent(event: Event): Event | null {
  if (event instanceof KeyboardEvent) return new KeyboardEvent(event.type, event);
  if (event instanceof MouseEvent) return new MouseEvent(event.type, event);
  return null;
}
