using ClassroomFleet.Agent.Configuration;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.RemoteConfig;

/// <summary>
/// With remote configuration on, the school file in force is the agent's own copy,
/// <c>{Agent:StateDirectory}/remote-config/school.yaml</c>: pushes replace it (the configured <c>Agent:SchoolFile</c>,
/// often read-only under /etc, is never written). The first start seeds the copy from the configured file; after that
/// the configured file is only read again if the copy is removed.
/// </summary>
public sealed class ManagedSchoolFile : IPostConfigureOptions<AgentOptions>
{
    public const string FileName = "school.yaml";

    public static string PathIn(string stateDirectory) => Path.Combine(stateDirectory, "remote-config", FileName);

    public void PostConfigure(string? name, AgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var managed = PathIn(options.StateDirectory);
        if (string.IsNullOrWhiteSpace(options.SchoolFile) || Path.GetFullPath(options.SchoolFile) == Path.GetFullPath(managed))
        {
            return;
        }

        if (!File.Exists(managed) && File.Exists(options.SchoolFile))
        {
            DurableFile.Write(managed, File.ReadAllBytes(options.SchoolFile));
        }

        options.SchoolFile = managed;
    }
}
