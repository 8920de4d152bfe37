/**
 * Vigie's prober and Prometheus' blackbox_exporter running the same simple HTTP check at the same fixed rate
 * against the same local nginx, side by side, each in its own process, CPU read from /proc (bench/blackbox.sh).
 */
package fr.vigie.bench.blackbox;
