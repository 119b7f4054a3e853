/**
 * `fn`, remembered per argument object (a WeakMap: an entry lives as long as its key). For pure
 * functions of immutable objects only: a catalog entry's content blocks, a content block's rendering.
 * The catalog does not change while the bot runs, so each piece is built once however many answers
 * show it; answers that differ share the pieces that do not.
 */
export function memoByObject<K extends object, V>(fn: (key: K) => V): (key: K) => V {
  const memo = new WeakMap<K, V>();
  return (key) => {
    if (memo.has(key)) return memo.get(key) as V;
    const value = fn(key);
    memo.set(key, value);
    return value;
  };
}
