/**
 * Copies the rendered public site to independent static hosts over WebDAV after each regeneration, so the page
 * stays served when every Vigie node is down: only what changed since the last push, files before the pages that
 * link them, each file written under a temporary name then moved in place, on a worker thread per mirror with a
 * capped back-off. See docs/operations.md ("Miroirs statiques") and docs/cluster.md.
 */
package fr.vigie.app.mirror;
