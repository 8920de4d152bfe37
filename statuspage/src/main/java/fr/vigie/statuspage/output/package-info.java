/**
 * Writing a generated site: the files held in memory, written into a fresh sibling folder with their
 * gzip variants, then published by swapping a symbolic link atomically.
 */
package fr.vigie.statuspage.output;
