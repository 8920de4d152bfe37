/** {@code vigie demo}: a simulated fleet built from config/demo.yaml, a replayed scenario, and the printed score. */
package fr.vigie.app.demo;
