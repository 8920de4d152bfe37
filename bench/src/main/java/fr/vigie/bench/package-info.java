/** Benchmarks (the classifier scoring tool lives in module scoring, fr.vigie.scoring). */
package fr.vigie.bench;
