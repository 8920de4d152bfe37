/**
 * The CAP 1.2 (OASIS Common Alerting Protocol) feed for crisis cells: one alert document per public incident
 * update under {@code cap/}, and {@code cap.atom}, an Atom index of them (the OASIS "CAP feeds" convention).
 */
package fr.vigie.statuspage.feed.cap;
