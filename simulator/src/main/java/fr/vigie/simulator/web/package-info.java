/**
 * The simulated services' HTTP side: one Vert.x server per service, flavour routes serving the journey templates'
 * endpoints, realistic pages and assets, and the gate that applies faults and the resource model to each request.
 */
package fr.vigie.simulator.web;
