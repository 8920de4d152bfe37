/**
 * Statuspage-compatible JSON under {@code api/v2/}: Atlassian's field names and vocabularies, so tools
 * that read Statuspage read Vigie; Vigie's own facts under a {@code vigie} key.
 */
package fr.vigie.statuspage.api;
