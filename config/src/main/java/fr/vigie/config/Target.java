package fr.vigie.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One watched service.
 *
 * @param id           stable id, used in URLs and traces ({@code ent-idf})
 * @param name         display name ("Monlycée.net")
 * @param kind         ent, cned, sso or control
 * @param region       region name ("Île-de-France"), may be null for national services
 * @param academies    académies served
 * @param holidayZone  school holiday zone A, B or C (null for national services)
 * @param vendor       software vendor ("Open Digital Education", "Kosmos")
 * @param hostingGroup hosting provider or cluster shared with other targets
 * @param baseUrl      scheme://host[:port] the journey's relative paths resolve against
 * @param journey      name of a {@link Journey}
 * @param credentials  test account, absent when only the public pages are probed
 * @param schedule     name of a {@link ScheduleConfig}
 * @param tags         free labels for routing and filtering
 * @param vars         journey variables ({@code {{vars.NAME}}} in steps), e.g. a service URL
 */
public record Target(String id, String name, TargetKind kind, String region, List<String> academies,
                     String holidayZone, String vendor, String hostingGroup, String baseUrl, String journey,
                     Optional<Credentials> credentials, String schedule, List<String> tags,
                     Map<String, String> vars) {
    public Target {
        academies = List.copyOf(academies);
        tags = List.copyOf(tags);
        vars = Map.copyOf(vars);
    }

    /** The same target at another base URL, with its journey variables (which may name that URL) to match. */
    public Target withBaseUrl(String url, Map<String, String> newVars) {
        return new Target(id, name, kind, region, academies, holidayZone, vendor, hostingGroup, url, journey,
                credentials, schedule, tags, newVars);
    }
}
