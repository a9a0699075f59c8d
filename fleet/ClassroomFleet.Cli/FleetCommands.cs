using System.CommandLine;
using ClassroomFleet.Cli.Commands.Audit;
using ClassroomFleet.Cli.Commands.Technician;

namespace ClassroomFleet.Cli;

/// <summary>
/// The <c>fleetctl</c> root command. Each subcommand lives in its own folder under Commands/ and is added here; a command
/// reads its environment through the lookup given, so that tests can run it in-process with an environment of their own.
/// </summary>
public static class FleetCommands
{
    public static RootCommand Build(Func<string, string?> environment)
    {
        var root = new RootCommand("ClassroomFleet command line for county auditors, technicians and operators");
        root.Subcommands.Add(AuditCommand.Create(environment));
        root.Subcommands.Add(LoginCommand.Create(environment));
        root.Subcommands.Add(ConfigCommand.Create(environment));
        root.Subcommands.Add(RolloutCommand.Create(environment));
        root.Subcommands.Add(CommandCommand.Create(environment));
        root.Subcommands.Add(AuditLogCommand.Create(environment));
        return root;
    }
}
