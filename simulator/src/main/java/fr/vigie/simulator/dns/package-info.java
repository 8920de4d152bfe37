/**
 * A simulated DNS server on loopback: answers A records for the fleet's names, and misbehaves on demand
 * (slow answers, NXDOMAIN when a hosting group "disappears", SERVFAIL, silence). Built on Netty's DNS codec.
 */
package fr.vigie.simulator.dns;
