/**
 * What to do when writing the CLI's output fails. A reader that stops early (`… | head`) closes the
 * pipe: not an error worth a word, exit with the status so far. Any other failure (`> /dev/full`:
 * ENOSPC) is one line on stderr and exit status 2, never a stack trace.
 */
export function outputFailure(error: NodeJS.ErrnoException, statusSoFar: number): { readonly status: number; readonly message?: string } {
  if (error.code === 'EPIPE') return { status: statusSoFar };
  return { status: 2, message: `scaling-notebook: cannot write the output: ${error.message}` };
}
