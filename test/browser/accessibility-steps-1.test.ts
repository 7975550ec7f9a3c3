import { languageHalf } from './accessibility-matrix.js';
import { laterStepsIn } from './accessibility-steps.js';

// Every later step of every form, in half of the languages (the other half: accessibility-steps-2.test.ts).
laterStepsIn(languageHalf(0));
