/**
 * What the public site says, independent of its formats: the public subset of a snapshot, the
 * Statuspage vocabulary mapping, and the French and English words and local times used by pages,
 * feeds and JSON alike.
 */
package fr.vigie.statuspage.model;
