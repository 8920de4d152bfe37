/** Wiring of the running system: which module starts when, on which thread, and the order of shutdown. */
package fr.vigie.app.system;
