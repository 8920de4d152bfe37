/** Contract tests: shipped journey templates against the simulator. */
package fr.vigie.probes.contract;
