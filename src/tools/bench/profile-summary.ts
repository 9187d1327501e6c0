import { readFileSync } from 'node:fs';

/** The parts of a V8 .cpuprofile this summary reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

const NOT_BUSY = new Set(['(idle)', '(program)']);

/**
 * Self time of a CPU profile by module (npm package, project folder or Node internals) and by
 * function, as shares of the busy time (idle excluded): where the bot spends its CPU. A second
 * list charges Node internals and native code to the module that called them (the HTTP client's
 * socket writes to @azure/…, say), which answers "whose work is it".
 */
export function summariseCpuProfile(file: string, top = 15): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const callerModule = (id: number): string => {
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      const frame = frames.get(at);
      const module = frame ? moduleOf(frame.url, frame.functionName) : '(root)';
      if (module === '(root)') break;
      // src/tools: the bench's own probe wraps every outgoing request; it is not the bot's work.
      if (module !== 'node internals' && module !== '(native)' && module !== 'src/tools') return module;
    }
    return 'node internals, no package on the stack (sockets, HTTP parsing, timers)';
  };
  const byModule = new Map<string, number>();
  const byCaller = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const micros = profile.timeDeltas[i] ?? 0;
    const frame = frames.get(id);
    if (!frame || NOT_BUSY.has(frame.functionName)) {
      idle += micros;
      return;
    }
    busy += micros;
    const module = moduleOf(frame.url, frame.functionName);
    byModule.set(module, (byModule.get(module) ?? 0) + micros);
    const caller = callerModule(id);
    byCaller.set(caller, (byCaller.get(caller) ?? 0) + micros);
    const name = `${frame.functionName || '(anonymous)'}  ${module}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  });
  const share = (micros: number) => `${((100 * micros) / busy).toFixed(1).padStart(5)} %  ${(micros / 1000).toFixed(0).padStart(6)} ms`;
  const list = (map: Map<string, number>) =>
    [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, micros]) => `  ${share(micros)}  ${name}`);
  return [
    `busy ${(busy / 1000).toFixed(0)} ms, idle ${(idle / 1000).toFixed(0)} ms while profiling`,
    'self time by module (share of busy time):',
    ...list(byModule),
    'self time by module, Node internals and native code charged to their caller:',
    ...list(byCaller),
    'self time by function:',
    ...list(byFunction),
  ].join('\n');
}

/** "botbuilder", "@azure/data-tables", "src/teams", "node internals", "(garbage collector)", … */
export function moduleOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const packages = url.split('/node_modules/');
  if (packages.length > 1) {
    const rest = packages[packages.length - 1].split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const project = /\/dist\/(src\/[^/]+)/.exec(url) ?? /\/(src\/[^/]+)/.exec(url);
  return project ? project[1].replace(/\.js$/, '') : url.replace(/^file:\/\//, '');
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node dist/src/tools/bench/profile-summary.js <file.cpuprofile>');
    process.exit(2);
  }
  console.info(summariseCpuProfile(file, Number(process.argv[3] ?? 15)));
}
