using Microsoft.Extensions.Configuration;

namespace ClassroomFleet.Agent.Configuration;

/// <summary>
/// Secrets the school file refers to by name, read from the agent's configuration section <c>Credentials</c>
/// (for example <c>/etc/classroomfleet/credentials.json</c>, mode 0600, or environment variables such as
/// <c>Credentials__switch-ro__Community</c>). Secrets never go into logs or telemetry.
/// </summary>
public sealed class CredentialStore(IConfiguration configuration)
{
    public const string SectionName = "Credentials";

    public SnmpCredential? FindSnmp(string name)
    {
        var section = configuration.GetSection(SectionName).GetSection(name);
        if (!section.Exists())
        {
            return null;
        }

        var credential = new SnmpCredential();
        section.Bind(credential);
        return credential;
    }
}
