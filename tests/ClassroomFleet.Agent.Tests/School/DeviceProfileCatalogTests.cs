using ClassroomFleet.Agent.Devices.Profiles;
using ClassroomFleet.Agent.School;

namespace ClassroomFleet.Agent.Tests.School;

public class DeviceProfileCatalogTests
{
    [Fact]
    public void Every_Kind_With_A_Poller_Has_A_Default_Profile()
    {
        foreach (var kind in new[] { "panel", "projector", "recorder", "pc", "teacher_pc", "student_pc", "probe" })
        {
            Assert.Contains(kind, DeviceProfileCatalog.BuiltIn.Resolve(new DeviceEntry { Id = "d", Kind = kind }).Kinds);
        }
    }

    [Fact]
    public void A_Device_Can_Pick_Another_Profile_By_Name()
    {
        var profile = DeviceProfileCatalog.BuiltIn.Resolve(new DeviceEntry { Id = "d", Kind = "projector", Profile = "panel-pjlink-class1" });
        Assert.Equal(TimeSpan.FromMilliseconds(200), profile.Pacing);
        Assert.DoesNotContain("2SNUM", profile.PjLinkCommands);
    }

    [Fact]
    public void A_Bad_Profile_Names_Every_Fault()
    {
        const string yaml = """
            - name: broken
              kinds: [panel]
              timeout: soon
              pjlink_commands: [POWR]
              snmp_oids: { load: ifInOctets }
            """;
        var ex = Assert.Throws<DeviceProfileException>(() => DeviceProfileCatalog.Parse(yaml, "county-profiles.yaml"));
        Assert.Contains("county-profiles.yaml: profiles[0] (broken)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("timeout", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'POWR'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'ifInOctets' is not a numeric OID", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_Unknown_Profile_Key_Is_An_Error_With_Its_Line()
    {
        var ex = Assert.Throws<DeviceProfileException>(() => DeviceProfileCatalog.Parse("- name: x\n  kinds: [pc]\n  max_repetition: 5\n", "p.yaml"));
        Assert.StartsWith("p.yaml: line 3:", ex.Message, StringComparison.Ordinal);
    }
}
