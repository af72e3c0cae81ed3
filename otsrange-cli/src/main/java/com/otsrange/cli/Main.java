package com.otsrange.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entry point of `bin/otsrange`: dispatches to one subcommand. */
public final class Main {

    private final Map<String, Command> commands = new LinkedHashMap<>();

    Main(List<Command> commands) {
        for (Command command : commands) {
            this.commands.put(command.name(), command);
        }
    }

    static Main standard() {
        return new Main(Arrays.asList(
                new RunCommand(),
                new PlanCommand(),
                new ValidateCommand(),
                new MigrateCommand(),
                new SplitTasksCommand(),
                new DemoCommand(),
                new EmulatorCommand(),
                new PeekCommand()));
    }

    public static void main(String[] args) {
        int status = standard().run(args, Console.system());
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    int run(String[] args, Console console) {
        if (args.length == 0 || isHelp(args[0]) || args[0].equals("help") && args.length == 1) {
            console.out().print(overview());
            return args.length == 0 ? Command.USAGE : 0;
        }
        String name = args[0].equals("help") ? args[1] : args[0];
        Command command = commands.get(name);
        if (command == null) {
            console.err().println("otsrange: unknown command '" + name + "'");
            console.err().print(overview());
            return Command.USAGE;
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        if (args[0].equals("help") || rest.size() == 1 && isHelp(rest.get(0))) {
            console.out().print(command.usage());
            return 0;
        }
        try {
            return command.run(rest, console);
        } catch (UsageException e) {
            console.err().println("otsrange " + name + ": " + e.getMessage());
            console.err().print(command.usage());
            return Command.USAGE;
        } catch (Exception e) {
            console.err().println("otsrange " + name + ": " + Errors.describe(e));
            return Command.FAILED;
        }
    }

    private static boolean isHelp(String arg) {
        return arg.equals("-h") || arg.equals("--help");
    }

    private String overview() {
        StringBuilder text = new StringBuilder();
        text.append("usage: bin/otsrange <command> [arguments]\n\ncommands:\n");
        for (Command command : commands.values()) {
            text.append(String.format("  %-11s %s%n", command.name(), command.summary()));
        }
        text.append("\n`bin/otsrange <command> --help` shows a command's arguments.\n");
        return text.toString();
    }
}
