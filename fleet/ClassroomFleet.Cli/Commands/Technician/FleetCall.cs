using System.CommandLine;
using System.Net;

namespace ClassroomFleet.Cli.Commands.Technician;

/// <summary>Runs one call to the fleet API for a command: connection, the request, and the exit code of its answer.</summary>
internal static class FleetCall
{
    public static async Task<int> RunAsync(ParseResult parse, Func<string, string?> environment, Func<HttpClient, TextWriter, Task<HttpResponseMessage>> call)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        if (FleetConnection.Resolve(environment) is not { } connection)
        {
            await error.WriteLineAsync("fleetctl: not logged in: run fleetctl login --fleet <url> --token <token> (or set CF_FLEET_URL and CF_FLEET_TOKEN)").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        using var client = connection.CreateClient();
        try
        {
            using var response = await call(client, output).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                await output.WriteLineAsync(body).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            await error.WriteLineAsync($"fleetctl: {(int)response.StatusCode} {response.StatusCode}: {body}").ConfigureAwait(false);
            return response.StatusCode switch
            {
                HttpStatusCode.Conflict => ExitCodes.Conflict,
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound => ExitCodes.Refused,
                HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity or (HttpStatusCode)428 => ExitCodes.BadRequest,
                _ => ExitCodes.FleetUnavailable,
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync($"fleetctl: the fleet at {connection.BaseAddress} did not answer: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.FleetUnavailable;
        }
    }
}
