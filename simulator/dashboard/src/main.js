/**
 * Entry of the simulator's operator dashboard. Reproduces the real dashboard's routes, roles, labels and
 * texts (content-jumpstart-contract.md §3–§9) without a framework, so Playwright checks written for the
 * real UI run unchanged against the simulator.
 */
import { hasFault } from './lib/faults.js';
import { startRouter } from './lib/router.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
startRouter(root);

// Fault "console-error" (RB-13 must catch it): one console error and one uncaught page error, while the
// rest of the app keeps working so no other check fails because of it.
if (hasFault('console-error')) {
  console.error('Simulated console error (fault console-error)');
  setTimeout(() => {
    throw new Error('Simulated uncaught error (fault console-error)');
  }, 0);
}
