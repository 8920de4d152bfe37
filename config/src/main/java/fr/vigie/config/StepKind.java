package fr.vigie.config;

/** What a journey step exercises; the aggregator uses it to see which paths degrade. */
public enum StepKind {
    /** a static asset (CSS, JS, image), usually cached */
    STATIC,
    /** a dynamic HTML page */
    PAGE,
    /** the login form or its submission */
    LOGIN,
    /** an authenticated JSON call */
    API,
    /** an action that writes (posting a message): hits storage */
    WRITE
}
