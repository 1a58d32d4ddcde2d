/** What the subscription form sends: every component (null), or the ones ticked, in the page's order. */
export function chosenComponents(all: boolean, ticked: ReadonlySet<string>, order: readonly { id: string }[]): string[] | null {
  return all ? null : order.filter((c) => ticked.has(c.id)).map((c) => c.id);
}

/** Components as the page lists them: under their group's name, groups in the order they come. */
export function byGroup<T extends { group: string | null }>(components: readonly T[]): { group: string | null; items: T[] }[] {
  const groups: { group: string | null; items: T[] }[] = [];
  for (const component of components) {
    const last = groups.find((g) => g.group === component.group);
    if (last) last.items.push(component);
    else groups.push({ group: component.group, items: [component] });
  }
  return groups;
}
