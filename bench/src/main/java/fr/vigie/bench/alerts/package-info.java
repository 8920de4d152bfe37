/** Alert delivery benchmark: time from an incident event to the receiver's acknowledgement. */
package fr.vigie.bench.alerts;
