/** Subscriber mail throughput, with the crisis cell's alert latency alongside. */
package fr.vigie.bench.subscriptions;
