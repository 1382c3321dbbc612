import { PinInputError, promptHidden, readPinFromStdin } from './pin-input';

const NO_TERMINAL =
  'No terminal to ask for the password: pass it on standard input with --password-stdin';

/**
 * Admin passwords, like PINs, never come from the command line: the first line of standard
 * input (`--password-stdin`) or a prompt on the terminal with echo off, asked twice.
 */
export async function readNewPassword(options: { passwordStdin?: boolean }): Promise<string> {
  if (options.passwordStdin) return readPinFromStdin();
  const first = await promptHidden('New password: ', NO_TERMINAL);
  const second = await promptHidden('Repeat the new password: ', NO_TERMINAL);
  if (first !== second) throw new PinInputError('The two passwords do not match');
  return first;
}
