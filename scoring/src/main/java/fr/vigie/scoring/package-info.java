/**
 * Scores a verdict timeline against a simulator ground truth: per-cause precision and recall on segments, macro-F1,
 * detection and classification delays, false alarms per target-day and flaps per incident (docs/simulator.md).
 */
package fr.vigie.scoring;
