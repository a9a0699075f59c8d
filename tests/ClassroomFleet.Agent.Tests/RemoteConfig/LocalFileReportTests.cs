using System.Security.Cryptography;
using System.Text;
using ClassroomFleet.Agent.RemoteConfig;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Agent.Tests.RemoteConfig;

/// <summary>
/// Before any push, the agent tells the fleet which school file is in force (status <c>local</c>, version 0, with the
/// text and its SHA-256), and tells it again when that file is edited on the gateway: the base of a school's first push.
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
public sealed class LocalFileReportTests : IDisposable
{
    private const string County = "410323";
    private readonly ECDsa _fleetKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _fleetKey.Dispose();

    [Fact]
    public async Task An_Agent_Never_Pushed_To_Reports_Its_Local_School_File_And_Reports_It_Again_When_It_Is_Edited()
    {
        var school = "41032" + Random.Shared.Next(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var fleet = await FleetStandIn.StartAsync(County, school, ServiceEndpoints.Mqtt, _fleetKey);
        await using var agent = await AgentUnderTest.StartAsync(County, school, ServiceEndpoints.Mqtt, _fleetKey, TimeSpan.FromSeconds(30));

        var local = await fleet.WaitForAsync(r => r.Status == ConfigStatus.Local, TimeSpan.FromSeconds(30));
        var inForce = ManagedSchoolFile.PathIn(Path.Combine(agent.Root, "state"));
        var text = await File.ReadAllTextAsync(inForce);
        Assert.Equal(0, local.Version);
        Assert.Equal("gw-" + school, local.Agent);
        Assert.Equal((County, school), (local.County, local.School));
        Assert.Equal(text, local.SchoolFile);
        Assert.Equal(Sha256(text), local.Sha256);

        // A technician at the school edits the file in force: the fleet's copy would be stale, so the agent reports again.
        var edited = text.Replace("name: local", "name: edited-on-site", StringComparison.Ordinal);
        Assert.NotEqual(text, edited);
        await File.WriteAllTextAsync(inForce, edited);

        var again = await fleet.WaitForAsync(r => r.Status == ConfigStatus.Local && r.SchoolFile == edited, TimeSpan.FromSeconds(30));
        Assert.Equal(Sha256(edited), again.Sha256);
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
