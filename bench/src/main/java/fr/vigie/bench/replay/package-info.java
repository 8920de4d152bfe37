/** Replay throughput of the aggregator: how many step results per second one thread classifies. */
package fr.vigie.bench.replay;
