/** Body signatures: patterns of real failure pages (disk full, waiting room, WAF challenge...). */
package fr.vigie.probes.signature;
