const LATE = Symbol('late');

/** The promise's value if it settles within `ms`, else LATE (the promise keeps running). */
export async function withinBudget<T>(promise: Promise<T>, ms: number): Promise<T | typeof LATE> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(() => resolve(LATE), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

export function isLate<T>(value: T | typeof LATE): value is typeof LATE {
  return value === LATE;
}
