/**
 * The right-clicked element, in the page, from the id Firefox gives the menu click
 * (`menus.getTargetElement`). Chrome has no such API: null there, and the caller falls back to the
 * hovered element. Runs inside the injected capture script, so it stays dependency-free.
 */
export function menuTargetElement(targetElementId: number): Element | null {
  type Menus = { getTargetElement?: (id: number) => Element | null };
  const api = (globalThis as { browser?: { menus?: Menus; contextMenus?: Menus } }).browser;
  return (api?.menus ?? api?.contextMenus)?.getTargetElement?.(targetElementId) ?? null;
}
