using ClassroomFleet.Fleet.Compliance;
using ClassroomFleet.Fleet.Extensions;
using ClassroomFleet.Fleet.Ingest;
using ClassroomFleet.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Fleet.Tests.Extensions;

/// <summary>How the fleet host is wired, checked on the service collection (nothing is started).</summary>
public sealed class FleetRegistrationTests
{
    [Fact]
    public void Compliance_Registered_Again_After_AddFleet_Still_Has_One_Scheduler()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddFleet();

        builder.Services.AddCompliance();
        builder.Services.AddCompliance();

        Assert.Single(builder.Services, d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService) && d.ImplementationType == typeof(ComplianceScheduler));
        Assert.Single(builder.Services, d => d.ServiceType == typeof(ComplianceService));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("262144")]
    public void The_Fleets_Mqtt_Packet_Limit_Is_Above_The_Payload_Limit_So_Oversized_Payloads_Reach_The_Ingest(string? configured)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Mqtt:MaximumPacketSize"] = configured, ["Mqtt:ClientId"] = "fleet-test" });
        builder.AddFleet();
        using var services = builder.Services.BuildServiceProvider();

        var limit = services.GetRequiredService<IOptions<MqttTransportOptions>>().Value.MaximumPacketSize;

        Assert.Equal(TelemetryValidator.MaxTransportPacketBytes, limit);
        Assert.True(limit > Contracts.Serialization.ContractSerializer.MaxPayloadBytes + 64 * 1024);
    }
}
