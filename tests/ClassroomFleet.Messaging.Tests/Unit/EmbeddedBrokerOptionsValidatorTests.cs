using ClassroomFleet.Messaging.Authorization;
using ClassroomFleet.Messaging.Broker;

namespace ClassroomFleet.Messaging.Tests.Unit;

public sealed class EmbeddedBrokerOptionsValidatorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cf-broker-options-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string ExistingFile(string name)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, "");
        return path;
    }

    private static List<string> Errors(EmbeddedBrokerOptions options) => new EmbeddedBrokerOptionsValidator().Errors(options);

    [Fact]
    public void A_Disabled_Broker_Is_Not_Checked()
    {
        Assert.Empty(Errors(new EmbeddedBrokerOptions { Enabled = false, BindAddress = "nonsense" }));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public void Anonymous_Access_Is_Allowed_On_A_Loopback_Listener(string address)
    {
        Assert.Empty(Errors(new EmbeddedBrokerOptions { Enabled = true, BindAddress = address, AllowAnonymous = true }));
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("192.168.1.10")]
    public void Anonymous_Access_Is_Refused_On_A_Network_Listener(string address)
    {
        var errors = Errors(new EmbeddedBrokerOptions { Enabled = true, BindAddress = address, AllowAnonymous = true });

        Assert.Contains(errors, e => e.StartsWith("Mqtt:EmbeddedBroker:AllowAnonymous ", StringComparison.Ordinal) && e.Contains(address, StringComparison.Ordinal));
    }

    [Fact]
    public void Anonymous_Access_Is_Refused_When_The_Tls_Listener_Faces_The_Network()
    {
        var options = new EmbeddedBrokerOptions
        {
            Enabled = true,
            AllowAnonymous = true,
            Tls = new EmbeddedBrokerTlsOptions { Enabled = true, BindAddress = "0.0.0.0", CertificateFile = ExistingFile("c.pem"), KeyFile = ExistingFile("k.pem") },
        };

        Assert.Contains(Errors(options), e => e.StartsWith("Mqtt:EmbeddedBroker:AllowAnonymous ", StringComparison.Ordinal) && e.Contains("Tls:BindAddress", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Valid_Network_Broker_With_Tls_Passes()
    {
        var options = new EmbeddedBrokerOptions
        {
            Enabled = true,
            BindAddress = "0.0.0.0",
            PasswordFile = ExistingFile("passwd"),
            Roles = new() { ["fleet"] = BrokerRole.Fleet },
            Tls = new EmbeddedBrokerTlsOptions { Enabled = true, BindAddress = "0.0.0.0", CertificateFile = ExistingFile("c.pem"), KeyFile = ExistingFile("k.pem") },
        };

        Assert.Empty(Errors(options));
    }

    [Fact]
    public void Every_Error_Is_Reported_With_Its_Key()
    {
        var options = new EmbeddedBrokerOptions
        {
            Enabled = true,
            BindAddress = "localhost",
            Port = 1883,
            PasswordFile = Path.Combine(_folder, "missing"),
            PasswordFileReloadInterval = TimeSpan.FromSeconds(-1),
            Roles = new() { ["someone"] = BrokerRole.School },
            MessageSizeLimit = -1,
            MaxPendingMessagesPerClient = 0,
            Tls = new EmbeddedBrokerTlsOptions { Enabled = true, BindAddress = "x", Port = 1883 }, // the plain listener's port
        };

        var errors = Errors(options);

        foreach (var key in new[]
        {
            "BindAddress", "PasswordFile", "PasswordFileReloadInterval", "Roles:someone", "MessageSizeLimit",
            "MaxPendingMessagesPerClient", "Tls:BindAddress", "Tls:Port", "Tls:CertificateFile", "Tls:KeyFile",
        })
        {
            Assert.Contains(errors, e => e.StartsWith($"Mqtt:EmbeddedBroker:{key} ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_Port_Out_Of_Range_Is_Reported()
    {
        Assert.Contains(Errors(new EmbeddedBrokerOptions { Enabled = true, AllowAnonymous = true, Port = 70000 }),
            e => e.StartsWith("Mqtt:EmbeddedBroker:Port ", StringComparison.Ordinal));
    }
}
