using System.CommandLine;

namespace ClassroomFleet.Cli.Commands.Technician;

/// <summary><c>fleetctl audit-log [--county] [--actor] [--action] [--limit] | --verify</c>: who changed what, and whether the hash chain holds.</summary>
public static class AuditLogCommand
{
    public static Command Create(Func<string, string?> environment)
    {
        var county = new Option<string?>("--county") { Description = "Only entries about this county" };
        var actor = new Option<string?>("--actor") { Description = "Only entries by this token name" };
        var action = new Option<string?>("--action") { Description = "Only this action, e.g. config.push" };
        var limit = new Option<int>("--limit") { Description = "At most this many entries, newest first", DefaultValueFactory = _ => 100 };
        var verify = new Option<bool>("--verify") { Description = "Walk the hash chain and its anchors instead" };
        var command = new Command("audit-log", "Query the append-only audit log of pushes, rollouts and commands, or verify it") { county, actor, action, limit, verify };
        command.SetAction((parse, ct) => FleetCall.RunAsync(parse, environment, (client, _) =>
        {
            if (parse.GetValue(verify))
            {
                return client.GetAsync(new Uri("/api/v1/audit-log/verify", UriKind.Relative), ct);
            }

            var query = new List<string> { $"limit={parse.GetValue(limit)}" };
            foreach (var (name, value) in new[] { ("county", parse.GetValue(county)), ("actor", parse.GetValue(actor)), ("action", parse.GetValue(action)) })
            {
                if (value is not null)
                {
                    query.Add($"{name}={Uri.EscapeDataString(value)}");
                }
            }

            return client.GetAsync(new Uri("/api/v1/audit-log?" + string.Join('&', query), UriKind.Relative), ct);
        }));
        return command;
    }
}
