package fr.vigie.simulator.physics;

/**
 * Demand on a school service over a morning, as a fraction of a server pool's capacity (offered load rho).
 * Pupils and teachers log in at the start of lessons: a steep rise from 7:45 to a peak near 8:00 (the reconnect
 * storm seen by ODE between 7:00 and 8:00), then a decay to a plateau while lessons run; a smaller wave at the
 * 10:00 break. The day's peak and the peak's minute vary from day to day (drawn by the planner).
 *
 * @param peakRho   offered load at the peak (healthy days 0.45 to 0.85: the pool is sized for the rush)
 * @param peakHour  local hour of the peak (about 8.0)
 */
record SchoolLoad(double peakRho, double peakHour) {
    /** Offered load at a local time of day (hours, e.g. 8.25 for 8:15). */
    double rho(double hour) {
        double shape;
        if (hour < peakHour) {
            // before the bell: night level 0.15 rising as a Gaussian flank of width ~13 minutes
            double x = (peakHour - hour) / 0.22;
            shape = 0.15 + 0.85 * Math.exp(-x * x);
        } else {
            // lessons started: decay with a 25-minute time constant to a plateau at 55 % of the peak
            shape = 0.55 + 0.45 * Math.exp(-(hour - peakHour) / 0.42);
        }
        double breakWave = 0.12 * Math.exp(-Math.pow((hour - 10.05) / 0.12, 2));
        return peakRho * (shape + breakWave);
    }
}
