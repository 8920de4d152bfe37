/** Shields-style SVG badges, one per service, for embedding on other sites. */
package fr.vigie.statuspage.badge;
