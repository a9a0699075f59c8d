using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Snmp;

/// <summary>
/// Registers one shared <see cref="SnmpTrapReceiver"/>, its options bound from section "Snmp:Traps" and validated at
/// start. The socket opens when the receiver is first resolved. Example:
/// <code>"Snmp": { "Traps": { "ListenEndPoint": "[::]:16162", "Communities": [ "public" ],
///   "Users": [ { "UserName": "traps", "AuthProtocol": "Sha256", "AuthPassword": "…", "PrivProtocol": "Aes128", "PrivPassword": "…" } ] } }</code>
/// "[::]" listens on IPv6 and IPv4 alike.
/// </summary>
public static class SnmpTrapReceiverServiceCollectionExtensions
{
    public static IServiceCollection AddSnmpTrapReceiver(this IServiceCollection services, string sectionName = SnmpTrapReceiverOptions.SectionName)
    {
        services.AddOptions<SnmpTrapReceiverOptions>().BindConfiguration(sectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SnmpTrapReceiverOptions>, SnmpTrapReceiverOptionsValidator>());
        services.TryAddSingleton(provider => new SnmpTrapReceiver(
            provider.GetRequiredService<IOptions<SnmpTrapReceiverOptions>>().Value,
            provider.GetService<ILogger<SnmpTrapReceiver>>()));
        return services;
    }
}
