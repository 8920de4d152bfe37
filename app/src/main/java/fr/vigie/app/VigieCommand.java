package fr.vigie.app;

import fr.vigie.app.cli.CheckConfigCommand;
import fr.vigie.app.cli.ClassifyCommand;
import fr.vigie.app.cli.DemoCommand;
import fr.vigie.app.cli.ProbeOnceCommand;
import fr.vigie.app.cli.RenderCommand;
import fr.vigie.app.cli.ReportCommand;
import fr.vigie.app.cli.RunCommand;
import fr.vigie.app.cli.SimulateCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code vigie} command and its subcommands. */
@Command(name = "vigie",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Vigie watches France's school digital services (ENT, CNED, ÉduConnect) and says, with "
                + "evidence, what is broken and why: saturation, attack, storage, network or application fault.",
        subcommands = {RunCommand.class, CheckConfigCommand.class, DemoCommand.class, ClassifyCommand.class,
                RenderCommand.class, SimulateCommand.class, ProbeOnceCommand.class, ReportCommand.class,
                fr.vigie.app.cli.CalendarCommand.class},
        footer = {"", "Start with:  vigie demo", "Then:        vigie check-config config/france.yaml"})
public final class VigieCommand implements Runnable {
    @Option(names = "--log-format", paramLabel = "text|json", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Log lines as text (default) or one JSON object per line.")
    String logFormat = "text";

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
