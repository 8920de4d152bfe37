package fr.vigie.probes.schedule;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/** The Quartz job of one target: hands the fire time to the engine and returns at once. */
public final class RoundJob implements Job {
    static final String ENGINE = "vigie.engine";
    static final String TARGET = "vigie.target";

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            ProbeEngine engine = (ProbeEngine) context.getScheduler().getContext().get(ENGINE);
            String target = context.getMergedJobDataMap().getString(TARGET);
            engine.fire(target, context.getScheduledFireTime().toInstant());
        } catch (SchedulerException e) {
            throw new JobExecutionException(e);
        }
    }
}
