package fr.vigie.simulator.fast;

import fr.vigie.simulator.model.WorkKind;

import java.util.ArrayList;
import java.util.List;

/** The steps of each journey template of the flows contract, with what each costs the host. */
final class JourneyShape {
    /** One step: trace name and kind, host cost, whether it is the login page, its body size. */
    record Step(String name, String kind, WorkKind cost, boolean loginPage, int bytes) {
    }

    private JourneyShape() {
    }

    static List<Step> of(FastTarget target) {
        List<Step> steps = new ArrayList<>();
        switch (target.flavour()) {
            case OPEN_ENT_NG -> {
                steps.add(new Step("login-page", "login", WorkKind.PAGE, true, 12_000));
                steps.add(new Step("theme", "static", WorkKind.STATIC, false, 40_000));
                steps.add(new Step("login", "login", WorkKind.LOGIN, false, 0));
                steps.add(new Step("timeline", "page", WorkKind.PAGE, false, 62_000));
                steps.add(new Step("userinfo", "api", WorkKind.API, false, 120));
                if (target.writes()) {
                    steps.add(new Step("post-message", "write", WorkKind.WRITE, false, 45));
                }
                steps.add(new Step("logout", "page", WorkKind.LOGIN, false, 0));
            }
            case CAS -> {
                steps.add(new Step("login-page", "login", WorkKind.PAGE, true, 9_000));
                steps.add(new Step("static", "static", WorkKind.STATIC, false, 20_000));
                steps.add(new Step("login", "login", WorkKind.PAGE, false, 45_000));
                steps.add(new Step("user", "api", WorkKind.API, false, 40));
                if (target.writes()) {
                    steps.add(new Step("post-message", "write", WorkKind.WRITE, false, 45));
                }
                steps.add(new Step("logout", "page", WorkKind.LOGIN, false, 3_000));
            }
            case CNED -> {
                steps.add(new Step("login-page", "login", WorkKind.PAGE, true, 9_000));
                steps.add(new Step("static", "static", WorkKind.STATIC, false, 30_000));
                steps.add(new Step("login", "login", WorkKind.LOGIN, false, 0));
                steps.add(new Step("courses", "page", WorkKind.PAGE, false, 33_000));
                steps.add(new Step("virtual-class", "page", WorkKind.PAGE, false, 3_000));
                if (target.writes()) {
                    steps.add(new Step("homework", "write", WorkKind.WRITE, false, 45));
                }
                steps.add(new Step("logout", "page", WorkKind.LOGIN, false, 0));
            }
            case EDUCONNECT -> {
                steps.add(new Step("login-page", "login", WorkKind.PAGE, true, 8_000));
                steps.add(new Step("static", "static", WorkKind.STATIC, false, 25_000));
                steps.add(new Step("login", "login", WorkKind.LOGIN, false, 3_000));
                steps.add(new Step("saml-post", "login", WorkKind.PAGE, false, 23_000));
                steps.add(new Step("logout", "page", WorkKind.LOGIN, false, 2_000));
            }
            case CONTROL -> steps.add(new Step("home", "static", WorkKind.STATIC, false, 120));
        }
        return steps;
    }
}
