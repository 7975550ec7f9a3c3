import { chromiumExecutable } from './chromium.js';

/**
 * Unpacks the tests' Chromium once, before the workers start, rather than in the first two browser files at once;
 * and fails the run at its start, saying how to install it, when the browser is missing.
 */
export default async function setup(): Promise<void> {
  await chromiumExecutable();
}
