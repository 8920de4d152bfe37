package fr.vigie.aggregator.store;

import org.influxdb.InfluxDB;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

import java.time.Duration;

/**
 * Database, retention policies and continuous queries of the InfluxDB store, created at start-up if absent:
 * raw results in {@code raw}, per-minute/hour/day rollups of step time in {@code rollup_90d} (90 days),
 * verdicts and the incident log in {@code autogen} (kept forever: they are small and they are the history).
 */
final class InfluxSchema {
    static final String RAW = "raw";
    static final String ROLLUP = "rollup_90d";
    static final String FOREVER = "autogen";

    private InfluxSchema() {
    }

    static void ensure(InfluxDB influx, String db, Duration rawRetention) {
        run(influx, "CREATE DATABASE \"" + db + "\"");
        createPolicy(influx, db, RAW, rawRetention.toHours() + "h");
        createPolicy(influx, db, ROLLUP, "2160h");
        for (String bucket : new String[] {"1m", "1h", "1d"}) {
            // InfluxDB's own MEDIAN() and PERCENTILE() (nearest rank), not Quantiles: the database rolls up alone
            String cq = "CREATE CONTINUOUS QUERY \"results_" + bucket + "\" ON \"" + db + "\" BEGIN"
                    + " SELECT median(\"total_ms\") AS \"median_ms\", percentile(\"total_ms\", 95) AS \"p95_ms\","
                    + " count(\"total_ms\") AS \"n\""
                    + " INTO \"" + db + "\".\"" + ROLLUP + "\".\"results_" + bucket + "\""
                    + " FROM \"" + db + "\".\"" + RAW + "\".\"results\" GROUP BY time(" + bucket + "), \"target\" END";
            runTolerating(influx, cq, "already exists");
        }
    }

    private static void createPolicy(InfluxDB influx, String db, String name, String duration) {
        String create = "CREATE RETENTION POLICY \"" + name + "\" ON \"" + db + "\" DURATION " + duration
                + " REPLICATION 1";
        if (!runTolerating(influx, create, "already exists")) {
            run(influx, "ALTER RETENTION POLICY \"" + name + "\" ON \"" + db + "\" DURATION " + duration);
        }
    }

    /** @return false when the statement failed with an error containing {@code tolerated} */
    private static boolean runTolerating(InfluxDB influx, String statement, String tolerated) {
        QueryResult r = influx.query(new Query(statement));
        String error = errorOf(r);
        if (error == null) {
            return true;
        }
        if (error.contains(tolerated)) {
            return false;
        }
        throw new IllegalStateException("InfluxDB refused schema statement: " + error);
    }

    static void run(InfluxDB influx, String statement) {
        String error = errorOf(influx.query(new Query(statement)));
        if (error != null) {
            throw new IllegalStateException("InfluxDB refused schema statement: " + error);
        }
    }

    static String errorOf(QueryResult r) {
        if (r.hasError()) {
            return r.getError();
        }
        if (r.getResults() != null) {
            for (QueryResult.Result res : r.getResults()) {
                if (res.hasError()) {
                    return res.getError();
                }
            }
        }
        return null;
    }
}
