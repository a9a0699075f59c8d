namespace ClassroomFleet.EndToEnd.Tests.Deploy;

/// <summary>A fact that is skipped, saying why, where systemd-analyze is not installed (the unit's parse test still runs).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SystemdAnalyzeFactAttribute : FactAttribute
{
    public SystemdAnalyzeFactAttribute()
    {
        if (!File.Exists("/usr/bin/systemd-analyze"))
        {
            Skip = "systemd-analyze is not installed (apt-get install systemd)";
        }
    }
}
