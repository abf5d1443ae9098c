import * as vscode from 'vscode';
import { resolveLaw, type ScalingLaw } from '../core';

/** The law active before any `law` statement: the `scaling.defaultLaw` setting, else Epoch's refit. */
export function defaultLawSetting(): ScalingLaw {
  const name = vscode.workspace.getConfiguration('scaling').get<string>('defaultLaw');
  try {
    return resolveLaw(name);
  } catch {
    // An invalid setting must not break every cell; the settings UI shows the allowed values.
    return resolveLaw(undefined);
  }
}
