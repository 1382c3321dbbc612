import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { openSync } from 'node:fs';
import { ReadStream } from 'node:tty';

/**
 * PINs never come from the command line (argv shows in `ps`, shell history and container
 * task overrides): either the first line of standard input (`--pin-stdin`) or a prompt on
 * the terminal with echo off.
 */
export async function readPinFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (Buffer.concat(chunks).includes(10)) break;
  }
  return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').trim();
}

export async function promptHidden(
  question: string,
  noTerminal = 'No terminal to ask for the PIN: pass it on standard input with --pin-stdin',
): Promise<string> {
  let input: NodeJS.ReadableStream;
  try {
    input = new ReadStream(openSync('/dev/tty', 'r'));
  } catch {
    throw new PinInputError(noTerminal);
  }
  process.stderr.write(question);
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input, output: muted, terminal: true });
  try {
    return await new Promise<string>((resolve) =>
      rl.question('', (answer) => resolve(answer.trim())),
    );
  } finally {
    rl.close();
    (input as ReadStream).destroy();
    process.stderr.write('\n');
  }
}

export class PinInputError extends Error {
  override readonly name = 'PinInputError';
}

/** Asks twice on a terminal; reads once from stdin. */
export async function readNewPin(options: { pinStdin?: boolean }): Promise<string> {
  if (options.pinStdin) return readPinFromStdin();
  const first = await promptHidden('New PIN: ');
  const second = await promptHidden('Repeat the new PIN: ');
  if (first !== second) throw new PinInputError('The two PINs do not match');
  return first;
}
