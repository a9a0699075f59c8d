using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClassroomFleet.Cli.Commands.Technician;

/// <summary>
/// Where the fleet is and which token to send: CF_FLEET_URL / CF_FLEET_TOKEN, else what <c>fleetctl login</c> saved in
/// CF_FLEETCTL_CONFIG (default <c>~/.config/classroomfleet/fleetctl.json</c>, mode 0600).
/// </summary>
public sealed record FleetConnection(Uri BaseAddress, string Token)
{
    public static string ConfigPath(Func<string, string?> environment) =>
        environment("CF_FLEETCTL_CONFIG") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "classroomfleet", "fleetctl.json");

    public static FleetConnection? Resolve(Func<string, string?> environment)
    {
        var url = environment("CF_FLEET_URL");
        var token = environment("CF_FLEET_TOKEN");
        var path = ConfigPath(environment);
        if ((url is null || token is null) && File.Exists(path))
        {
            var saved = JsonNode.Parse(File.ReadAllText(path));
            url ??= saved?["url"]?.GetValue<string>();
            token ??= saved?["token"]?.GetValue<string>();
        }

        return url is not null && token is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? new FleetConnection(uri, token) : null;
    }

    public static void Save(Func<string, string?> environment, Uri url, string token)
    {
        var path = ConfigPath(environment);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        JsonSerializer.Serialize(stream, new JsonObject { ["url"] = url.ToString(), ["token"] = token });
    }

    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }
}
