/**
 * Document order of the elements under a root, for sorting and "comes before" tests. Not
 * compareDocumentPosition: linkedom (tests, the CLI) answers it wrongly for elements nested at
 * different depths, and one indexing walk is as cheap as a few of those calls.
 */
export function documentOrder(root: ParentNode): (el: Element) => number {
  const index = new Map<Element, number>();
  const all = root.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) index.set(all[i]!, i);
  return (el) => index.get(el) ?? -1;
}
