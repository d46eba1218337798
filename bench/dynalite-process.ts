import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/*
 * dynalite in its own process for the benches: as the real service is remote, the emulator's work should not share
 * the measured process's event loop and heap.
 */
export async function startDynaliteProcess(): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const script =
    "const s=require('dynalite')({createTableMs:0});s.listen(0,'127.0.0.1',()=>console.log(s.address().port))";
  const child: ChildProcess = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    if (!child.stdout) return reject(new Error('no stdout from dynalite'));
    createInterface({ input: child.stdout }).once('line', resolve);
  });
  return {
    endpoint: `http://127.0.0.1:${port.trim()}`,
    stop: async () => {
      child.kill();
    },
  };
}
