/**
 * The public listener: serves the current generation of the site from memory (reloaded on each switch),
 * with validators, caching and security headers, pre-compressed variants, and nothing else.
 */
package fr.vigie.statuspage.server;
