/** Benchmarks and the classifier scoring tool. */
package fr.vigie.bench;
