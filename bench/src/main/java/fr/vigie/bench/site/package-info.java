/** Status-site benchmark: regeneration time for a large fleet, and a server to load with {@code wrk}. */
package fr.vigie.bench.site;
