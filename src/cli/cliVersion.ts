/** The extension's version, set by the build from package.json (tests run from source: "development"). */
export const CLI_VERSION: string = typeof __SCALING_VERSION__ === 'string' ? __SCALING_VERSION__ : 'development';

declare const __SCALING_VERSION__: string | undefined;
