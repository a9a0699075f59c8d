using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Messaging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Status;

/// <summary>
/// Registers the agent's last will on the MQTT connection: a retained <c>AgentStatus { online: false }</c> on
/// <c>cf/v1/{county}/{school}/status</c>, which the broker publishes if the agent vanishes without DISCONNECT (MQTT 5.0
/// §3.1.2.5). The will is fixed at CONNECT, before the host runs, so the school file is read here synchronously; a will
/// set explicitly in configuration (<c>Mqtt:Will:Topic</c>) wins, and no usable school file means no will. Its config
/// version is <c>Agent:ConfigVersion</c> as at start: a version applied remotely later shows in the birth and the goodbye,
/// not in a will fixed before it.
/// </summary>
public sealed class AgentWillConfigurator(IOptions<AgentOptions> agentOptions, TimeProvider time) : IPostConfigureOptions<MqttTransportOptions>
{
    public void PostConfigure(string? name, MqttTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrEmpty(options.Will.Topic))
        {
            return;
        }

        var settings = agentOptions.Value;
        SchoolFile school;
        try
        {
            school = SchoolFileLoader.Parse(File.ReadAllText(settings.SchoolFile), settings.SchoolFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SchoolFileException)
        {
            return;
        }

        var offline = AgentStatusFactory.Offline(settings.AgentId, settings.ConfigVersion, time.GetUtcNow());
        options.Will.Topic = Topics.Status(school.County, school.School);
        options.Will.Payload = System.Text.Encoding.UTF8.GetString(ContractSerializer.Serialize(offline, ContractJsonContext.Default.AgentStatus));
        options.Will.Retain = true;
        options.Will.Qos = MessageQos.AtLeastOnce;
    }
}
