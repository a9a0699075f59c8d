using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Snmp;

/// <summary>
/// Registers one shared <see cref="SnmpClient"/>. Configuration (section "Snmp:Client"):
/// <code>"Snmp": { "Client": { "LocalEndPoint": "0.0.0.0:0", "SocketBufferBytes": 4194304 } }</code>
/// </summary>
public static class SnmpServiceCollectionExtensions
{
    public static IServiceCollection AddSnmpClient(this IServiceCollection services, string sectionName = SnmpClientOptions.SectionName)
    {
        services.AddOptions<SnmpClientOptions>().BindConfiguration(sectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SnmpClientOptions>, SnmpClientOptionsValidator>());
        services.TryAddSingleton(provider => new SnmpClient(
            provider.GetRequiredService<IOptions<SnmpClientOptions>>().Value,
            provider.GetService<ILogger<SnmpClient>>()));
        return services;
    }
}
