using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ClassroomFleet.Cli.Commands.Technician;

/// <summary><c>fleetctl rollout start|status|halt</c>: a change to a county, a list of schools or a tag, in waves with a halt threshold.</summary>
public static class RolloutCommand
{
    public static Command Create(Func<string, string?> environment)
    {
        var command = new Command("rollout", "Start, follow or halt a rollout");
        var county = new Option<string>("--county") { Description = "County code", Required = true };
        var schools = new Option<string?>("--schools") { Description = "Only these schools (comma-separated)" };
        var tag = new Option<string?>("--tag") { Description = "Only the schools with this tag" };
        var kind = new Option<string>("--kind") { Description = "Device kind whose poll interval changes, e.g. switch", Required = true };
        var interval = new Option<string>("--interval") { Description = "The new interval, e.g. 60s", Required = true };
        var waves = new Option<string>("--waves") { Description = "Cumulative wave sizes", DefaultValueFactory = _ => "1,10%,100%" };
        var threshold = new Option<double>("--threshold") { Description = "Share of failed schools above which the rollout halts", DefaultValueFactory = _ => 0.1 };
        var start = new Command("start", "Start a rollout (prints it with its id)") { county, schools, tag, kind, interval, waves, threshold };
        start.SetAction((parse, ct) => FleetCall.RunAsync(parse, environment, (client, _) =>
        {
            var body = new JsonObject
            {
                ["county"] = parse.GetValue(county),
                ["patch"] = new JsonObject { ["kind"] = parse.GetValue(kind), ["interval"] = parse.GetValue(interval) },
                ["waves"] = new JsonArray(parse.GetValue(waves)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(w => (JsonNode?)w).ToArray()),
                ["error_threshold"] = parse.GetValue(threshold),
            };
            if (parse.GetValue(schools) is { } list)
            {
                body["schools"] = new JsonArray(list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s => (JsonNode?)s).ToArray());
            }

            if (parse.GetValue(tag) is { } t)
            {
                body["tag"] = t;
            }

            return client.PostAsJsonAsync(new Uri("/api/v1/rollouts", UriKind.Relative), body, ct);
        }));
        command.Subcommands.Add(start);

        var id = new Option<string?>("--id") { Description = "The rollout (default: the latest in scope)" };
        var status = new Command("status", "Print a rollout with the status of each school (or all recent rollouts)") { id };
        status.SetAction((parse, ct) => FleetCall.RunAsync(parse, environment, (client, _) =>
            client.GetAsync(new Uri(parse.GetValue(id) is { } rollout ? $"/api/v1/rollouts/{Uri.EscapeDataString(rollout)}" : "/api/v1/rollouts", UriKind.Relative), ct)));
        command.Subcommands.Add(status);

        var haltId = new Option<string>("--id") { Description = "The rollout", Required = true };
        var halt = new Command("halt", "Stop a running rollout: no further school is pushed") { haltId };
        halt.SetAction((parse, ct) => FleetCall.RunAsync(parse, environment, (client, _) =>
            client.PostAsync(new Uri($"/api/v1/rollouts/{Uri.EscapeDataString(parse.GetValue(haltId)!)}/halt", UriKind.Relative), null, ct)));
        command.Subcommands.Add(halt);
        return command;
    }
}
