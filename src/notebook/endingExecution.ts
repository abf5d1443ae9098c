/**
 * Runs the work of one started cell execution and ends it exactly once, whatever happens: a cell
 * whose execution is never ended spins in VS Code until the window closes. Free of the VS Code API
 * so the rule is tested in plain Node (test/notebook/endingExecution.test.ts).
 *
 * `work` resolves to the cell's success; if it throws, `report` shows the error in the cell (its own
 * failure is swallowed: the execution must still end) and the execution ends as failed.
 */
export async function endingExecution(
  end: (success: boolean | undefined) => void,
  work: () => Promise<boolean | undefined>,
  report: (error: unknown) => PromiseLike<void>,
): Promise<void> {
  let success: boolean | undefined = false;
  try {
    success = await work();
  } catch (error) {
    try {
      await report(error);
    } catch {
      // Showing the error failed too (the notebook was closed, say); ending the execution matters more.
    }
  } finally {
    end(success);
  }
}
