/**
 * The resource model: per host, worker slots, a DB connection pool and a storage device with service times, queued
 * asynchronously on one event loop; latency emerges from queueing under background users' load.
 */
package fr.vigie.simulator.model;
