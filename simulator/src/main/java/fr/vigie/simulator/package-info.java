/** Simulated ENT, CAS and CNED servers on loopback, with a resource model and injectable faults. */
package fr.vigie.simulator;
