/** Watching Vigie itself: Prometheus metrics, liveness and readiness, the "no results" alarm, reload. */
package fr.vigie.app.ops;
