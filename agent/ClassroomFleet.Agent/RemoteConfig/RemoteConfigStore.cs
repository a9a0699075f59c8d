using System.Text.Json;

namespace ClassroomFleet.Agent.RemoteConfig;

/// <summary>The files of <c>{Agent:StateDirectory}/remote-config/</c>, each written with <see cref="DurableFile"/>.</summary>
public sealed class RemoteConfigStore(string directory)
{
    public string Directory { get; } = directory;

    public string StatePath => Path.Combine(Directory, "state.json");

    public string JournalPath => Path.Combine(Directory, "journal.json");

    /// <summary>The last confirmed school file (or the local one), restored by a rollback.</summary>
    public string PreviousPath => Path.Combine(Directory, "previous.yaml");

    public RemoteConfigState LoadState() =>
        Read(StatePath, RemoteConfigJsonContext.Default.RemoteConfigState) ?? new RemoteConfigState();

    public Task SaveStateAsync(RemoteConfigState state, CancellationToken cancellationToken) =>
        DurableFile.WriteAsync(StatePath, JsonSerializer.SerializeToUtf8Bytes(state, RemoteConfigJsonContext.Default.RemoteConfigState), cancellationToken);

    public ApplyJournal? LoadJournal() => Read(JournalPath, RemoteConfigJsonContext.Default.ApplyJournal);

    public Task SaveJournalAsync(ApplyJournal journal, CancellationToken cancellationToken) =>
        DurableFile.WriteAsync(JournalPath, JsonSerializer.SerializeToUtf8Bytes(journal, RemoteConfigJsonContext.Default.ApplyJournal), cancellationToken);

    public void DeleteJournal() => DurableFile.Delete(JournalPath);

    private static T? Read<T>(string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (!File.Exists(path))
        {
            return null;
        }

        // Written by rename only, so a torn file cannot occur; a corrupt one is an operator's doing and stops the start.
        return JsonSerializer.Deserialize(File.ReadAllBytes(path), typeInfo);
    }
}
