using ClassroomFleet.Messaging.Broker;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Messaging.Tests.Authorization;

[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
public sealed class MosquittoPasswordFileTests
{
    [Fact]
    public async Task Verifies_Hashes_Written_By_Mosquitto_Passwd()
    {
        await using var broker = new MosquittoProcess();
        var file = await broker.AddUserAsync("3301020001", "s3cret");
        await broker.AddUserAsync("fleet", "fleetpw");

        var passwords = MosquittoPasswordFile.Load(file);

        Assert.True(passwords.Verify("3301020001", "s3cret"));
        Assert.True(passwords.Verify("fleet", "fleetpw"));
        Assert.False(passwords.Verify("3301020001", "S3cret"));
        Assert.False(passwords.Verify("nobody", "s3cret"));
        Assert.False(passwords.Verify("fleet", null));
    }

    [Fact]
    public void Verifies_The_Older_Sha512_Format()
    {
        // Written by `mosquitto_passwd -H sha512 -b f bob pw2` (mosquitto 2.0.11).
        var passwords = MosquittoPasswordFile.Parse(["bob:$6$y1cNsUSlUwymRdBu$g+EaVtFhaMJFcITFZtYNbqlv+QbpHZm+UVaxe6l0a1SPpJ3xN0lm6zqEwvmPoNXUOdjhumIlaaoLFCJYDngJ3w=="]);
        Assert.True(passwords.Verify("bob", "pw2"));
        Assert.False(passwords.Verify("bob", "pw3"));
    }

    [Fact]
    public void A_Plain_Text_Line_Is_Rejected_With_Its_Line_Number()
    {
        var error = Assert.Throws<FormatException>(() => MosquittoPasswordFile.Parse(["# comment", "alice:plain"], "passwd"));
        Assert.StartsWith("passwd:2:", error.Message, StringComparison.Ordinal);
    }
}
