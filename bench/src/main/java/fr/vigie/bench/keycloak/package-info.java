/** Journeys per second Vigie's prober sustains against a real Keycloak ({@code bench/keycloak.sh}). */
package fr.vigie.bench.keycloak;
