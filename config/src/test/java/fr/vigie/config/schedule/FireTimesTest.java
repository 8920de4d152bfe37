package fr.vigie.config.schedule;

import fr.vigie.config.CalendarConfig;
import fr.vigie.config.ConfigLoader;
import fr.vigie.config.ScheduleConfig;
import fr.vigie.config.VigieConfig;
import fr.vigie.config.calendar.SchoolCalendar;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FireTimesTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final SchoolCalendar school = SchoolCalendar.load();

    private static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    @Test
    void franceSchoolRushFiresEvery30SecondsFrom730To10AndEvery2MinutesOtherwise() throws Exception {
        VigieConfig france = new ConfigLoader(Map.of()).load(Path.of("france.yaml"));
        FireTimes rush = FireTimes.of(france, france.target("ent-idf").orElseThrow());

        assertThat(rush.nextAfter(paris("2021-04-06T07:10:00"))).contains(paris("2021-04-06T07:12:00"));
        assertThat(rush.nextAfter(paris("2021-04-06T07:29:50"))).contains(paris("2021-04-06T07:30:00"));
        assertThat(rush.nextAfter(paris("2021-04-06T07:30:00"))).contains(paris("2021-04-06T07:30:30"));
        assertThat(rush.nextAfter(paris("2021-04-06T07:59:45"))).contains(paris("2021-04-06T08:00:00"));
        assertThat(rush.nextAfter(paris("2021-04-06T09:59:30"))).contains(paris("2021-04-06T10:00:00"));
        assertThat(rush.nextAfter(paris("2021-04-06T10:00:00"))).contains(paris("2021-04-06T10:02:00"));
        // Saturday morning: no rush
        assertThat(rush.nextAfter(paris("2021-04-10T08:00:10"))).contains(paris("2021-04-10T08:02:00"));
    }

    @Test
    void anIntervalIsAlignedSoTargetsShareRounds() {
        FireTimes every5s = new FireTimes(new ScheduleConfig("demo", null, Duration.ofSeconds(5), null, false),
                PARIS, null, null, school);

        assertThat(every5s.nextAfter(Instant.parse("2021-04-06T06:00:01.300Z")))
                .contains(Instant.parse("2021-04-06T06:00:05Z"));
        assertThat(every5s.nextAfter(Instant.parse("2021-04-06T06:00:05Z")))
                .contains(Instant.parse("2021-04-06T06:00:10Z"));
    }

    @Test
    void closedDaysAreSkipped() {
        CalendarConfig zoneC = new CalendarConfig("zone-c", "C", true, List.of());
        FireTimes schoolMornings = new FireTimes(new ScheduleConfig("mornings", "0 0 8 ? * *", null, "zone-c", false),
                PARIS, zoneC, "C", school);

        // Friday 9 April 2021, then the unified spring holidays until Monday 26 April
        assertThat(schoolMornings.nextAfter(paris("2021-04-08T09:00:00"))).contains(paris("2021-04-09T08:00:00"));
        assertThat(schoolMornings.nextAfter(paris("2021-04-09T09:00:00"))).contains(paris("2021-04-26T08:00:00"));

        FireTimes schoolDaysOnly = new FireTimes(new ScheduleConfig("s", null, Duration.ofHours(1), null, true),
                PARIS, null, "C", school);
        assertThat(schoolDaysOnly.isActiveOn(java.time.LocalDate.of(2021, 4, 6))).isTrue();
        assertThat(schoolDaysOnly.isActiveOn(java.time.LocalDate.of(2021, 4, 12))).isFalse();
        assertThat(schoolDaysOnly.nextAfter(paris("2021-04-09T23:30:00"))).contains(paris("2021-04-26T00:00:00"));
    }
}
