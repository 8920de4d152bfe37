/**
 * The HTML pages: view records with every text already worded and every time already local, inline SVG
 * charts drawn at generation time, and the Freemarker templates (auto-escaped HTML) that lay them out.
 */
package fr.vigie.statuspage.html;
