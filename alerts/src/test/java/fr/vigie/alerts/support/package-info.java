/** Test helpers: a controllable clock, scripted incidents, real local receivers, log capture. */
package fr.vigie.alerts.support;
