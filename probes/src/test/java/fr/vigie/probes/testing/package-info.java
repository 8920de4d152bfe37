/** Test support: fake platforms, misbehaving servers, fixtures and waiting helpers. */
package fr.vigie.probes.testing;
