/** The public status site: static pages, feeds and Statuspage-compatible JSON, and the server that serves them. */
package fr.vigie.statuspage;
