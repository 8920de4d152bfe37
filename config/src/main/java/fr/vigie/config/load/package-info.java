/**
 * How a YAML file becomes a {@link fr.vigie.config.VigieConfig}: a located tree (every node knows its YAML path
 * and line), typed readers that collect every problem instead of stopping at the first, secret resolution,
 * the shipped journey templates and the defaults (all in {@link fr.vigie.config.load.Defaults}).
 */
package fr.vigie.config.load;
