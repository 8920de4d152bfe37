/**
 * Vigie as a cluster (docs/cluster.md): probe nodes and controllers joined by Vert.x's Hazelcast cluster manager,
 * results on the clustered event bus, leadership and alert claims in Hazelcast-backed shared data.
 */
package fr.vigie.app.cluster;
