/**
 * Vigie's configuration: one YAML file becomes a tree of immutable records ({@link fr.vigie.config.VigieConfig}),
 * validated as a whole with every error reported at once, secrets resolved from the environment or files.
 * This module depends on no other Vigie module.
 */
package fr.vigie.config;
