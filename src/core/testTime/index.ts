/** Test-time compute: coverage from repeated sampling, and a generate-then-knockout tournament's bound. */
export * from './lnGamma';
export * from './passAtK';
export * from './betaCoverage';
export * from './coverage';
export * from './coverageCurve';
export * from './coveragePowerLaw';
export * from './tournament';
