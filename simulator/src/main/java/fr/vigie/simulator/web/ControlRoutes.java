package fr.vigie.simulator.web;

import io.vertx.ext.web.Router;

/** The control target: one small healthy page. */
final class ControlRoutes extends FlavourRoutes {
    ControlRoutes(Account account, String title) {
        super(account, title);
    }

    @Override
    String stylesheet() {
        return "/control.css";
    }

    @Override
    void mount(Router router) {
        router.get("/").handler(ctx -> html(ctx, 200, "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
                + "<title>Vigie control</title></head><body><p>Vigie control</p></body></html>"));
    }

    @Override
    boolean isLoginPage(String method, String path) {
        return false;
    }

    @Override
    boolean isLoginSubmit(String method, String path) {
        return false;
    }
}
