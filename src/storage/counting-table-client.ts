import type { TableClient } from '@azure/data-tables';

/** Wraps a TableClient to count the entities it hands out (list and point reads): for the benchmark and storage tests. */
export function countEntityReads(client: TableClient): { client: TableClient; reads: () => number; reset: () => void } {
  let reads = 0;
  const proxy = new Proxy(client, {
    get(target, property) {
      if (property === 'listEntities') {
        return (...args: Parameters<TableClient['listEntities']>) => {
          const source = target.listEntities(...args);
          return (async function* () {
            for await (const entity of source) {
              reads++;
              yield entity;
            }
          })();
        };
      }
      if (property === 'getEntity') {
        return async (...args: Parameters<TableClient['getEntity']>) => {
          const entity = await target.getEntity(...args);
          reads++;
          return entity;
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { client: proxy, reads: () => reads, reset: () => void (reads = 0) };
}
