/** A node's box on the laid-out map. */
export interface NodeBox {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * The node an arrow key moves to from `from`: the nearest whose centre lies that way, nearer
 * along the arrow counting more than off to the side, so that Right follows a column to the
 * next and Down walks one column. Undefined at the edge of the map.
 */
export function nextNode(boxes: readonly NodeBox[], from: string, direction: Direction): string | undefined {
  const origin = boxes.find((b) => b.id === from);
  if (!origin) {
    return boxes[0]?.id;
  }
  const [ox, oy] = centre(origin);
  let best: { id: string; score: number } | undefined;
  for (const box of boxes) {
    if (box.id === from) {
      continue;
    }
    const [x, y] = centre(box);
    const [along, across] =
      direction === 'left'
        ? [ox - x, y - oy]
        : direction === 'right'
          ? [x - ox, y - oy]
          : direction === 'up'
            ? [oy - y, x - ox]
            : [y - oy, x - ox];
    // Only what lies ahead, within 45 degrees of the arrow.
    if (along <= 0 || Math.abs(across) > along) {
      continue;
    }
    const score = along + 2 * Math.abs(across);
    if (!best || score < best.score) {
      best = { id: box.id, score };
    }
  }
  return best?.id;
}

function centre(box: NodeBox): [number, number] {
  return [box.x + box.width / 2, box.y + box.height / 2];
}
