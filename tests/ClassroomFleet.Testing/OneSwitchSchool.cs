using System.Text;

namespace ClassroomFleet.Testing;

/// <summary>
/// The smallest valid school file the tests need again and again: one network room and one v2c switch
/// <c>sw-core-1</c> whose community is the credential reference <c>switch-ro</c>.
/// </summary>
public static class OneSwitchSchool
{
    public const string Device = "sw-core-1";

    public const string Credential = "switch-ro";

    /// <param name="address">The switch's host:port.</param>
    /// <param name="interval">The poll interval; null leaves the profile's default.</param>
    /// <param name="uplink">The uplink interface, if the test wants one.</param>
    public static string Yaml(string county, string school, string name = "测试学校", string address = "10.0.0.2:161", string? interval = "30s", string? uplink = null)
    {
        var yaml = new StringBuilder($$"""
            schema: classroomfleet.school/v1
            county: "{{county}}"
            school: "{{school}}"
            name: {{name}}
            category: urban
            rooms:
              - { id: net, name: 网络机房, type: network }
            devices:
              - id: {{Device}}
                kind: switch
                room: net
                address: {{address}}

            """);
        if (interval is not null)
        {
            yaml.Append("    interval: ").Append(interval).Append('\n');
        }

        yaml.Append("    snmp: { version: v2c, credential: ").Append(Credential).Append(" }\n");
        if (uplink is not null)
        {
            yaml.Append("    uplinks: [").Append(uplink).Append("]\n");
        }

        return yaml.ToString();
    }
}
