using ClassroomFleet.Agent.School;

namespace ClassroomFleet.Agent.Tests.School;

public class SchoolFileLoaderTests
{
    private const string Valid = """
        schema: classroomfleet.school/v1
        county: "410323"
        school: "4141032301"
        name: 新安县第一实验小学
        category: urban
        urban_rural_code: "111"
        rooms:
          - { id: net, name: 网络机房, type: network }
          - { id: r101, name: 一年级1班, type: ordinary }
        devices:
          - id: sw-core-1
            kind: switch
            room: net
            address: 127.0.0.1:11611
            interval: 30s
            snmp: { version: v2c, credential: switch-ro }
            uplinks: [Gi1/0/49]
        """;

    [Fact]
    public void Loads_A_Valid_File()
    {
        var file = SchoolFileLoader.Parse(Valid, "school.yaml");
        Assert.Equal("4141032301", file.School);
        Assert.Equal("新安县第一实验小学", file.Name);
        var device = Assert.Single(file.Devices);
        Assert.Equal("switch-ro", device.Snmp!.Credential);
        Assert.Equal(["Gi1/0/49"], device.Uplinks);
    }

    [Fact]
    public void A_Bad_Value_Names_File_Line_And_Field()
    {
        var yaml = Valid.Replace("address: 127.0.0.1:11611", "address: 127.0.0.1:99999", StringComparison.Ordinal);
        var ex = Assert.Throws<SchoolFileException>(() => SchoolFileLoader.Parse(yaml, "/etc/classroomfleet/school.yaml"));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("devices[0].address", error.Field);
        Assert.Equal(14, error.Line);
        Assert.StartsWith("/etc/classroomfleet/school.yaml: line 14: devices[0].address", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_Error_Is_Reported_Not_Only_The_First()
    {
        var yaml = Valid
            .Replace("county: \"410323\"", "county: \"4103\"", StringComparison.Ordinal)
            .Replace("room: net", "room: nowhere", StringComparison.Ordinal)
            .Replace("credential: switch-ro", "credential: \"\"", StringComparison.Ordinal);
        var ex = Assert.Throws<SchoolFileException>(() => SchoolFileLoader.Parse(yaml, "s.yaml"));
        Assert.Equal(["county", "devices[0].room", "devices[0].snmp.credential"], ex.Errors.Select(e => e.Field));
        Assert.Equal([2L, 13L, 16L], ex.Errors.Select(e => e.Line));
    }

    [Fact]
    public void An_Unknown_Key_Is_An_Error_With_Its_Line()
    {
        var yaml = Valid.Replace("    interval: 30s", "    intervall: 30s", StringComparison.Ordinal);
        var ex = Assert.Throws<SchoolFileException>(() => SchoolFileLoader.Parse(yaml, "s.yaml"));
        var error = Assert.Single(ex.Errors);
        Assert.Equal(15, error.Line);
        Assert.Equal("intervall", error.Field);
    }

    [Fact]
    public void A_Secret_Inline_Is_Not_Accepted()
    {
        var yaml = Valid.Replace("credential: switch-ro", "credential: switch-ro, community: public", StringComparison.Ordinal);
        Assert.Throws<SchoolFileException>(() => SchoolFileLoader.Parse(yaml, "s.yaml"));
    }

    [Fact]
    public void Duplicate_Device_Ids_Are_Refused()
    {
        var yaml = Valid + """

              - id: sw-core-1
                kind: pc
                address: 127.0.0.2
            """;
        var ex = Assert.Throws<SchoolFileException>(() => SchoolFileLoader.Parse(yaml, "s.yaml"));
        Assert.Contains(ex.Errors, e => e.Field == "devices[1].id" && e.Message.Contains("twice", StringComparison.Ordinal));
    }
}
