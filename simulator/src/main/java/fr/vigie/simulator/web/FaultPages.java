package fr.vigie.simulator.web;

/** The bodies faults answer with, in the words real platforms use (see the research notes). */
final class FaultPages {
    private FaultPages() {
    }

    static String maintenance() {
        return "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Maintenance programmée</title>"
               + "</head><body><main><h1>Maintenance programmée</h1><p>Une opération de maintenance est en cours : le "
               + "service est momentanément indisponible en raison d'une maintenance programmée. Merci de réessayer "
               + "plus tard.</p></main></body></html>";
    }

    static String challenge() {
        return "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Un instant…</title>"
               + "<script src=\"/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1\"></script></head><body>"
               + "<div id=\"challenge-body\"><h1>Vérification de votre navigateur avant d'accéder au site</h1>"
               + "<p>Cette vérification automatique protège le site contre les attaques (anti-DDoS). "
               + "Vous serez redirigé dans quelques secondes.</p><form id=\"challenge-form\" method=\"post\" "
               + "action=\"/cdn-cgi/challenge\"><input type=\"hidden\" name=\"r\" value=\"" + Sessions.token()
               + "\"></form></div></body></html>";
    }

    static String applicationError() {
        return "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Erreur</title></head><body>"
               + "<h1>Une erreur inattendue est survenue</h1><p>Erreur interne du serveur. Veuillez réessayer "
               + "ultérieurement ou contacter votre administrateur.</p>\n<!-- java.lang.NullPointerException: "
               + "Cannot invoke \"org.entcore.common.user.UserInfos.getUserId()\" because \"user\" is null -->"
               + "</body></html>";
    }

    static String diskFull() {
        return "{\"error\":\"storage.write.failed\",\"message\":\"java.io.IOException: No space left on device\","
               + "\"errno\":28}";
    }

    static String ioError() {
        return "{\"error\":\"storage.failed\",\"message\":\"java.io.IOException: Input/output error\",\"errno\":5}";
    }

    static String overloaded() {
        return "<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body>"
               + "<h1>Error 503 Backend fetch failed</h1><p>Guru Meditation</p></body></html>";
    }
}
