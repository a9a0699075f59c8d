using ClassroomFleet.Agent.Configuration;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Status;

/// <summary>The configured <see cref="AgentOptions.ConfigVersion"/>: the fallback until a remote-configuration source is registered.</summary>
public sealed class OptionsConfigVersionSource(IOptions<AgentOptions> options) : IConfigVersionSource
{
    public long? Current => options.Value.ConfigVersion;
}
