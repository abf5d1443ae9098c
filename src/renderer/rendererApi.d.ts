/**
 * The part of VS Code's notebook renderer API (the `vscode-notebook-renderer` types) this renderer
 * uses, declared here so that package is not needed. Shapes as in VS Code 1.100.
 */

/** One output item: the cell output's data for one mime type. */
export interface OutputItem {
  /** Stable per output; a re-run of the cell renders a new item under the same or a new id. */
  readonly id: string;
  readonly mime: string;
  /** The data parsed as JSON; throws when it is not JSON. */
  json(): unknown;
}

/** What VS Code gives the renderer at activation. */
export interface RendererContext {
  /**
   * Sends a message to the extension host's `createRendererMessaging` for this renderer. Undefined
   * when messaging is not available (e.g. the notebook is shown without the extension host).
   */
  readonly postMessage?: (message: unknown) => void;
}

/** What the renderer gives VS Code back. */
export interface RendererApi {
  renderOutputItem(outputItem: OutputItem, element: HTMLElement, signal?: AbortSignal): void | Promise<void>;
  /** Called with an id when one output goes away, and without one when all of them do. */
  disposeOutputItem?(id?: string): void;
}

/** The renderer module's exported `activate`. */
export type ActivationFunction = (context: RendererContext) => RendererApi | undefined | Promise<RendererApi | undefined>;
