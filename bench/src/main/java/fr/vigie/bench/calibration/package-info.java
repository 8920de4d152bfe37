/** How well the classifier's confidence predicts that its published cause is right: reliability table, Brier score. */
package fr.vigie.bench.calibration;
