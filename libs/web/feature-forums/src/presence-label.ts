/** Someone shown as writing a reply (the server's PostAuthor). */
export interface TypingPerson {
  id: string;
  displayName: string;
}

/**
 * How many read the thread, said only when someone besides the viewer does (the count
 * includes the viewer): "3 people reading"; null when the viewer reads alone.
 */
export function readersLabel(readers: number): string | null {
  return readers > 1 ? `${readers} people reading` : null;
}

const firstName = (person: TypingPerson): string => person.displayName.trim().split(/\s+/u)[0] || person.displayName;

/**
 * Who is writing a reply, the viewer left out (the server lists them too while they type):
 * "Ada Lovelace is typing…", "Ada Lovelace and Grace Hopper are typing…", and from three
 * people on, first names and a count: "Ada, Grace and 2 others are typing…". Null when
 * nobody else is.
 */
export function typingLabel(typing: readonly TypingPerson[], viewerId: string | null): string | null {
  const seen = new Set<string>();
  const others = typing.filter((person) => {
    if (person.id === viewerId || seen.has(person.id)) return false;
    seen.add(person.id);
    return true;
  });
  const [first, second] = others;
  if (!first) return null;
  if (!second) return `${first.displayName} is typing…`;
  if (others.length === 2) return `${first.displayName} and ${second.displayName} are typing…`;
  const rest = others.length - 2;
  return `${firstName(first)}, ${firstName(second)} and ${rest} ${rest === 1 ? 'other' : 'others'} are typing…`;
}
