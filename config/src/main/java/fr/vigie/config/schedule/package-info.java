/**
 * When a schedule fires: its Quartz expressions or interval, in the site's time zone, restricted to the
 * open days of its calendar and, with {@code only-school-days}, to the school days of the target's zone.
 */
package fr.vigie.config.schedule;
