using System.Text.Json;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;

namespace ClassroomFleet.Agent.RemoteConfig;

/// <summary>The files of <c>{Agent:StateDirectory}/remote-config/</c>, each written with <see cref="DurableFile"/>.</summary>
public sealed class RemoteConfigStore(string directory)
{
    public string Directory { get; } = directory;

    public string StatePath => Path.Combine(Directory, "state.json");

    public string JournalPath => Path.Combine(Directory, "journal.json");

    /// <summary>The last confirmed school file (or the local one), restored by a rollback.</summary>
    public string PreviousPath => Path.Combine(Directory, "previous.yaml");

    /// <summary>The agent settings of the document in force (absent: the agent's own configuration).</summary>
    public string SettingsPath => Path.Combine(Directory, "agent-settings.json");

    /// <summary>The agent settings that go with <see cref="PreviousPath"/>.</summary>
    public string PreviousSettingsPath => Path.Combine(Directory, "previous-agent-settings.json");

    public ConfigAgentSettings? LoadSettings() => Read(SettingsPath, ContractJsonContext.Default.ConfigAgentSettings);

    public ConfigAgentSettings? LoadPreviousSettings() => Read(PreviousSettingsPath, ContractJsonContext.Default.ConfigAgentSettings);

    public Task SaveSettingsAsync(ConfigAgentSettings? settings, CancellationToken cancellationToken) =>
        WriteOrDeleteAsync(SettingsPath, settings, cancellationToken);

    public Task SavePreviousSettingsAsync(ConfigAgentSettings? settings, CancellationToken cancellationToken) =>
        WriteOrDeleteAsync(PreviousSettingsPath, settings, cancellationToken);

    public RemoteConfigState LoadState() =>
        Read(StatePath, RemoteConfigJsonContext.Default.RemoteConfigState) ?? new RemoteConfigState();

    public Task SaveStateAsync(RemoteConfigState state, CancellationToken cancellationToken) =>
        DurableFile.WriteAsync(StatePath, JsonSerializer.SerializeToUtf8Bytes(state, RemoteConfigJsonContext.Default.RemoteConfigState), cancellationToken);

    public ApplyJournal? LoadJournal() => Read(JournalPath, RemoteConfigJsonContext.Default.ApplyJournal);

    public Task SaveJournalAsync(ApplyJournal journal, CancellationToken cancellationToken) =>
        DurableFile.WriteAsync(JournalPath, JsonSerializer.SerializeToUtf8Bytes(journal, RemoteConfigJsonContext.Default.ApplyJournal), cancellationToken);

    public void DeleteJournal() => DurableFile.Delete(JournalPath);

    private static Task WriteOrDeleteAsync(string path, ConfigAgentSettings? settings, CancellationToken cancellationToken)
    {
        if (settings is null)
        {
            DurableFile.Delete(path);
            return Task.CompletedTask;
        }

        return DurableFile.WriteAsync(path, JsonSerializer.SerializeToUtf8Bytes(settings, ContractJsonContext.Default.ConfigAgentSettings), cancellationToken);
    }

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
