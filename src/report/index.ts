export * from './elementNames.js';
export * from './element.js';
export * from './values.js';
export * from './findingCodes.js';
export * from './finding.js';
export * from './report.js';
export * from './problem.js';
export * from './request.js';
