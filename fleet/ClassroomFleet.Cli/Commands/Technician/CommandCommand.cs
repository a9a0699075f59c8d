using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ClassroomFleet.Cli.Commands.Technician;

/// <summary><c>fleetctl command send|status</c>: probe bandwidth, re-poll, PJLink power, relay power-cycle, and their state.</summary>
public static class CommandCommand
{
    public static Command Create(Func<string, string?> environment)
    {
        var command = new Command("command", "Send a command to a school's agent, or show its state");
        var county = new Option<string>("--county") { Description = "County code", Required = true };
        var school = new Option<string>("--school") { Description = "School code", Required = true };
        var type = new Option<string>("--type") { Description = "probe_bandwidth, repoll, pjlink_power_on, pjlink_power_off or power_cycle", Required = true };
        var device = new Option<string?>("--device") { Description = "The device (repoll, PJLink power, power_cycle)" };
        var force = new Option<bool>("--force") { Description = "power_cycle: past the uplink interlock (admins only)" };
        var expires = new Option<int?>("--expires-in") { Description = "Seconds before the command expires (default: the fleet's)" };
        var send = new Command("send", "Queue a command (prints it with its id; state queued)") { county, school, type, device, force, expires };
        send.SetAction((parse, ct) => FleetCall.RunAsync(parse, environment, (client, _) =>
        {
            var body = new JsonObject { ["county"] = parse.GetValue(county), ["school"] = parse.GetValue(school), ["type"] = parse.GetValue(type), ["device"] = parse.GetValue(device) };
            if (parse.GetValue(force))
            {
                body["args"] = new JsonObject { ["force"] = "true" };
            }

            if (parse.GetValue(expires) is { } seconds)
            {
                body["expires_in_s"] = seconds;
            }

            return client.PostAsJsonAsync(new Uri("/api/v1/commands", UriKind.Relative), body, ct);
        }));
        command.Subcommands.Add(send);

        var id = new Option<string>("--id") { Description = "The command id", Required = true };
        var status = new Command("status", "Print a command's state: queued, delivered, succeeded, failed, unsupported or expired") { id };
        status.SetAction((parse, ct) => FleetCall.RunAsync(parse, environment, (client, _) =>
            client.GetAsync(new Uri($"/api/v1/commands/{Uri.EscapeDataString(parse.GetValue(id)!)}", UriKind.Relative), ct)));
        command.Subcommands.Add(status);
        return command;
    }
}
