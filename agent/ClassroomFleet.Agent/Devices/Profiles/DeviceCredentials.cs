using Microsoft.Extensions.Configuration;

namespace ClassroomFleet.Agent.Devices.Profiles;

/// <summary>
/// User/password secrets that the school file names (PJLink, RTSP, ONVIF), read from the agent's <c>Credentials</c>
/// section next to the SNMP ones, e.g. <c>Credentials__panels__Password</c>. Secrets never reach logs or telemetry.
/// </summary>
public sealed class DeviceCredentials(IConfiguration configuration)
{
    public const string SectionName = "Credentials";

    /// <summary>The credential, or null when <paramref name="name"/> is null (the device needs none).</summary>
    public PasswordCredential? Find(string? name, string deviceId)
    {
        if (name is null)
        {
            return null;
        }

        var section = configuration.GetSection(SectionName).GetSection(name);
        if (!section.Exists() || section["Password"] is not { } password)
        {
            throw new InvalidOperationException($"device {deviceId}: credential '{name}' is not configured (Credentials:{name}:Password)");
        }

        return new PasswordCredential(section["User"] ?? "", password);
    }
}
