// Replays the demo county's past school days through MQTT (see CountyHistory):
//   dotnet cf-county-sim.dll history --facts fleet/.../county-410323.yaml --mqtt 127.0.0.1:18830 [--days 28]
//     [--share 4141032302=0.45] [--offline 4141032304]
using ClassroomFleet.Simulators.County;

if (args is not ["history", .. var rest] || HistoryOptions.Parse(rest) is not ({ } options, null))
{
    var error = args is ["history", .. var bad] ? HistoryOptions.Parse(bad).Error : "the first argument must be 'history'";
    await Console.Error.WriteLineAsync($"cf-county-sim: {error}\nusage: history --facts FILE [--mqtt HOST:PORT] [--days N] [--share SITE=FRACTION]... [--offline SITE]...").ConfigureAwait(false);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
var points = await CountyHistory.ReplayAsync(options, stop.Token).ConfigureAwait(false);
Console.WriteLine($"replayed {points} points of {options.SchoolDays} school days through {options.MqttHost}:{options.MqttPort}");
return 0;
