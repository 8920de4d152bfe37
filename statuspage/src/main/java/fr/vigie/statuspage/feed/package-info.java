/** RSS 2.0 and Atom feeds (ROME), mirroring Statuspage's {@code history.rss} / {@code history.atom}. */
package fr.vigie.statuspage.feed;
