using System.Text.Json;
using ClassroomFleet.Agent.RemoteConfig;
using ClassroomFleet.Contracts.Identifiers;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Agent.Cabinet;

/// <summary>
/// Keeps each relay's <see cref="RelayHistory"/> in <c>{Agent:StateDirectory}/cabinet/relays/{device}.json</c>, written
/// with <see cref="DurableFile"/> (temp file, fsync, rename), so that the interlock's cycle count and minimum on time
/// survive an agent restart. Reading or writing never throws: a bad file is logged and counted, and the interlock
/// treats that device's history as unknown.
/// </summary>
public sealed class RelayInterlockStore(string directory, ILogger<RelayInterlockStore> logger)
{
    private long _unreadable;
    private long _saveFailures;

    public string Directory { get; } = directory;

    /// <summary>State files (or the folder) found unreadable or corrupt at start.</summary>
    public long UnreadableFiles => Interlocked.Read(ref _unreadable);

    /// <summary>Writes that failed; the interlock then holds for this run only.</summary>
    public long SaveFailures => Interlocked.Read(ref _saveFailures);

    /// <summary>The folder below a state directory.</summary>
    public static string Under(string stateDirectory) => Path.Combine(stateDirectory, "cabinet", "relays");

    public string PathOf(string device) => Path.Combine(Directory, device + ".json");

    internal RelayHistories LoadAll()
    {
        var histories = new Dictionary<string, RelayHistory?>(StringComparer.Ordinal);
        string[] files;
        try
        {
            if (!System.IO.Directory.Exists(Directory))
            {
                return new RelayHistories(histories, Complete: true);
            }

            DurableFile.RemoveLeftovers(Directory);
            files = System.IO.Directory.GetFiles(Directory, "*.json");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Interlocked.Increment(ref _unreadable);
            logger.InterlockStateUnreadable(Directory, ex.Message);
            return new RelayHistories(histories, Complete: false);
        }

        foreach (var file in files)
        {
            var device = Path.GetFileNameWithoutExtension(file);
            if (ContractIdentifiers.IsDeviceId(device))
            {
                histories[device] = Load(file);
            }
        }

        return new RelayHistories(histories, Complete: true);
    }

    internal void Save(string device, RelayHistory history)
    {
        var path = PathOf(device);
        try
        {
            DurableFile.Write(path, JsonSerializer.SerializeToUtf8Bytes(history, CabinetJsonContext.Default.RelayHistory));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Interlocked.Increment(ref _saveFailures);
            logger.InterlockStateNotSaved(device, path, ex.Message);
        }
    }

    private RelayHistory? Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), CabinetJsonContext.Default.RelayHistory)
                ?? throw new JsonException("the file holds null");
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            Interlocked.Increment(ref _unreadable);
            logger.InterlockStateUnreadable(path, ex.Message);
            return null;
        }
    }
}
