import { languageHalf } from './accessibility-matrix.js';
import { laterStepsIn } from './accessibility-steps.js';

// Every later step of every form, in the other half of the languages (the first half: accessibility-steps-1.test.ts).
laterStepsIn(languageHalf(1));
