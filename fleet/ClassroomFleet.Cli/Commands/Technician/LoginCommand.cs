using System.CommandLine;

namespace ClassroomFleet.Cli.Commands.Technician;

/// <summary><c>fleetctl login --fleet &lt;url&gt; --token &lt;token&gt;</c>: checks the token against the fleet, then saves both (0600).</summary>
public static class LoginCommand
{
    public static Command Create(Func<string, string?> environment)
    {
        var fleet = new Option<string>("--fleet") { Description = "The fleet's base address, e.g. https://fleet.county.example", Required = true };
        var token = new Option<string>("--token") { Description = "An API token (cft_…) issued by an admin", Required = true };
        var command = new Command("login", "Check an API token against the fleet and remember it for the other commands") { fleet, token };
        command.SetAction(async (parse, ct) =>
        {
            if (!Uri.TryCreate(parse.GetValue(fleet), UriKind.Absolute, out var url))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("fleetctl: --fleet must be an absolute address").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var value = parse.GetValue(token)!;
            var check = new Dictionary<string, string> { ["CF_FLEET_URL"] = url.ToString(), ["CF_FLEET_TOKEN"] = value };
            var exit = await FleetCall.RunAsync(parse, name => check.GetValueOrDefault(name) ?? environment(name), (client, _) => client.GetAsync(new Uri("/api/v1/config/signing-key", UriKind.Relative), ct)).ConfigureAwait(false);
            if (exit == ExitCodes.Success)
            {
                FleetConnection.Save(environment, url, value);
                await parse.InvocationConfiguration.Output.WriteLineAsync($"logged in to {url}; saved in {FleetConnection.ConfigPath(environment)}").ConfigureAwait(false);
            }

            return exit;
        });
        return command;
    }
}
