using System.CommandLine;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ClassroomFleet.Cli.Commands.Technician;

/// <summary>
/// <c>fleetctl config show|pull|push|edit --county C --school S</c>: a school's desired and reported configuration; pull
/// writes the school file (before the first push: the one the agent reports in force) and prints its version; push sends a file with the version it was pulled at (If-Match), so a
/// concurrent edit is a conflict (exit 5) and never overwritten; edit is pull, $EDITOR, push.
/// </summary>
public static class ConfigCommand
{
    public static Command Create(Func<string, string?> environment)
    {
        var command = new Command("config", "Show, pull, push or edit a school's configuration");
        command.Subcommands.Add(Show(environment));
        command.Subcommands.Add(Pull(environment));
        command.Subcommands.Add(Push(environment));
        command.Subcommands.Add(Edit(environment));
        return command;
    }

    private static (Option<string> County, Option<string> School) Target() =>
        (new Option<string>("--county") { Description = "County code", Required = true }, new Option<string>("--school") { Description = "School code", Required = true });

    private static Command Show(Func<string, string?> environment)
    {
        var (county, school) = Target();
        var command = new Command("show", "Print the desired document, the agent's report and the tags (JSON)") { county, school };
        command.SetAction((parse, ct) => FleetCall.RunAsync(parse, environment, (client, _) => client.GetAsync(Url(parse.GetValue(county)!, parse.GetValue(school)!), ct)));
        return command;
    }

    private static Command Pull(Func<string, string?> environment)
    {
        var (county, school) = Target();
        var file = new Option<string>("--out") { Description = "Where to write the school file", Required = true };
        var command = new Command("pull", "Write the desired school file and print the version to push it back with") { county, school, file };
        command.SetAction((parse, ct) => FleetCall.RunAsync(parse, environment, async (client, output) =>
        {
            var response = await client.GetAsync(Url(parse.GetValue(county)!, parse.GetValue(school)!), ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return response;
            }

            var view = await response.Content.ReadFromJsonAsync<JsonObject>(ct).ConfigureAwait(false);
            if (StartingPoint(view) is not { } start)
            {
                response.Dispose();
                return NothingToEdit(parse.GetValue(county)!, parse.GetValue(school)!);
            }

            await File.WriteAllTextAsync(parse.GetValue(file)!, start.SchoolFile, ct).ConfigureAwait(false);
            response.Content = new StringContent($"{{\"base_version\":{response.Headers.ETag?.Tag.Trim('"') ?? "0"},\"source\":\"{start.Source}\"}}");
            return response;
        }));
        return command;
    }

    private static Command Push(Func<string, string?> environment)
    {
        var (county, school) = Target();
        var file = new Option<string>("--file") { Description = "The school file (YAML) to push", Required = true };
        var baseVersion = new Option<long>("--base") { Description = "The version the file was pulled at (0 for a school's first push)", Required = true };
        var command = new Command("push", "Push a school file; refused with the current version if the school moved on (exit 5)") { county, school, file, baseVersion };
        command.SetAction((parse, ct) => FleetCall.RunAsync(parse, environment, async (client, _) =>
            await PutAsync(client, parse.GetValue(county)!, parse.GetValue(school)!, await File.ReadAllTextAsync(parse.GetValue(file)!, ct).ConfigureAwait(false), parse.GetValue(baseVersion), ct).ConfigureAwait(false)));
        return command;
    }

    private static Command Edit(Func<string, string?> environment)
    {
        var (county, school) = Target();
        var command = new Command("edit", "Pull the school file, open it in $EDITOR, push it with the pulled version") { county, school };
        command.SetAction((parse, ct) => FleetCall.RunAsync(parse, environment, async (client, _) =>
        {
            var (c, s) = (parse.GetValue(county)!, parse.GetValue(school)!);
            var shown = await client.GetAsync(Url(c, s), ct).ConfigureAwait(false);
            if (!shown.IsSuccessStatusCode)
            {
                return shown;
            }

            var version = long.Parse(shown.Headers.ETag?.Tag.Trim('"') ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            var view = await shown.Content.ReadFromJsonAsync<JsonObject>(ct).ConfigureAwait(false);
            if (StartingPoint(view) is not { } start)
            {
                shown.Dispose();
                return NothingToEdit(c, s);
            }

            var path = Path.Combine(Path.GetTempPath(), $"fleetctl-{s}-v{version}.yaml");
            await File.WriteAllTextAsync(path, start.SchoolFile, ct).ConfigureAwait(false);
            try
            {
                using var editor = Process.Start(new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", (environment("EDITOR") ?? "vi") + " \"$1\"", "sh", path } })!;
                await editor.WaitForExitAsync(ct).ConfigureAwait(false);
                return await PutAsync(client, c, s, await File.ReadAllTextAsync(path, ct).ConfigureAwait(false), version, ct).ConfigureAwait(false);
            }
            finally
            {
                File.Delete(path);
            }
        }));
        return command;
    }

    /// <summary>
    /// The file an edit starts from: the desired document; before the school's first push, the file its agent reports in
    /// force (the ETag is then 0, and the push makes version 1). Null when the fleet knows neither.
    /// </summary>
    private static (string SchoolFile, string Source)? StartingPoint(JsonObject? view) =>
        view?["desired"]?["school_file"]?.GetValue<string>() is { } desired ? (desired, "desired")
        : view?["reported"]?["school_file"]?.GetValue<string>() is { } reported ? (reported, "reported")
        : null;

    private static HttpResponseMessage NothingToEdit(string county, string school) =>
        new(System.Net.HttpStatusCode.NotFound)
        {
            Content = new StringContent(new JsonObject
            {
                ["error"] = $"no school file known for {county}/{school}: nobody has pushed one and its agent has not reported one (is RemoteConfig on in the agent's settings?)",
            }.ToJsonString()),
        };

    private static Uri Url(string county, string school) => new($"/api/v1/config/{Uri.EscapeDataString(county)}/{Uri.EscapeDataString(school)}", UriKind.Relative);

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string county, string school, string yaml, long baseVersion, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, Url(county, school)) { Content = JsonContent.Create(new JsonObject { ["school_file"] = yaml }) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{baseVersion}\""));
        return client.SendAsync(request, ct);
    }
}
