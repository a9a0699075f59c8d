using System.CommandLine;
using ClassroomFleet.Cli.Commands.Audit;

namespace ClassroomFleet.Cli;

/// <summary>
/// The <c>fleetctl</c> root command. Each subcommand lives in its own folder under Commands/ and is added here; a command
/// reads its environment through the lookup given, so that tests can run it in-process with an environment of their own.
/// </summary>
public static class FleetCommands
{
    public static RootCommand Build(Func<string, string?> environment)
    {
        var root = new RootCommand("ClassroomFleet command line for county auditors and operators");
        root.Subcommands.Add(AuditCommand.Create(environment));
        return root;
    }
}
