/** The crisis cell's authenticated admin API, on a listener separate from the public site. */
package fr.vigie.app.admin;
