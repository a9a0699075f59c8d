using System.Security.Cryptography;
using System.Text;
using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.RemoteConfig;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Tests.RemoteConfig;

/// <summary>A temp agent state folder with a local school file, a fleet key pair and a hand-moved clock.</summary>
internal sealed class RemoteConfigFixture : IDisposable
{
    public const string County = "410323";
    public const string School = "4141032301";

    private readonly List<IDisposable> _disposables = [];

    public RemoteConfigFixture()
    {
        Directory.CreateDirectory(Root);
        File.WriteAllText(SchoolFilePath, SchoolYaml("local"));
        File.WriteAllText(PublicKeyPath, FleetKey.ExportSubjectPublicKeyInfoPem());
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "cf-rc-" + Guid.NewGuid().ToString("N"));

    public string SchoolFilePath => Path.Combine(Root, "school.yaml");

    public string StateDirectory => Path.Combine(Root, "state", "remote-config");

    public string PublicKeyPath => Path.Combine(Root, "fleet.pub.pem");

    public ECDsa FleetKey { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    public RemoteConfigOptions Options { get; } = new() { ConfirmTimeout = TimeSpan.FromMinutes(5), MaxClockSkew = TimeSpan.Zero };

    public static string SchoolYaml(string name, string school = School, string county = County) =>
        OneSwitchSchool.Yaml(county, school, name, address: "127.0.0.1:11611", uplink: "Gi1/0/49");

    /// <summary>A new agent run on the same folders (the state on disk is all that carries over).</summary>
    public async Task<(ConfigApplier Applier, SchoolFileProvider Provider)> StartAgentAsync(IAgentSettingsTarget? settingsTarget = null)
    {
        var provider = new SchoolFileProvider(Microsoft.Extensions.Options.Options.Create(new AgentOptions { SchoolFile = SchoolFilePath, StateDirectory = Path.Combine(Path.GetDirectoryName(SchoolFilePath)!, "provider-state") }), NullLogger<SchoolFileProvider>.Instance);
        await provider.ReloadAsync();
        var pinned = Agent.RemoteConfig.FleetKey.LoadPublicKey(PublicKeyPath);
        _disposables.Add(pinned);
        _disposables.Add(provider);
        var applier = new ConfigApplier(new RemoteConfigStore(StateDirectory), provider, SchoolFilePath, pinned, Options, "gw-test", Clock, NullLogger.Instance, settingsTarget);
        _disposables.Add(applier);
        await applier.RecoverAsync(CancellationToken.None);
        return (applier, provider);
    }

    public ConfigDocument Document(long version, string? yaml = null, TimeSpan? expiresIn = null) => new()
    {
        County = County,
        School = School,
        Version = version,
        IssuedAt = Clock.Now,
        ExpiresAt = Clock.Now + (expiresIn ?? TimeSpan.FromHours(1)),
        IssuedBy = "tech-li",
        SchoolFile = yaml ?? SchoolYaml($"v{version}"),
    };

    public byte[] Signed(ConfigDocument document, ECDsa? key = null) =>
        ContractSerializer.Serialize(
            ConfigEnvelopeSigner.Sign(ContractSerializer.Serialize(document, ContractJsonContext.Default.ConfigDocument), key ?? FleetKey),
            ContractJsonContext.Default.ConfigEnvelope);

    public byte[] Signed(long version) => Signed(Document(version));

    public string InForceName() => SchoolFileLoader.Parse(File.ReadAllText(SchoolFilePath, Encoding.UTF8), SchoolFilePath).Name;

    public void Dispose()
    {
        FleetKey.Dispose();
        _disposables.ForEach(d => d.Dispose());
        Directory.Delete(Root, recursive: true);
    }
}
