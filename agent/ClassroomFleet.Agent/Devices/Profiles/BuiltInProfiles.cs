namespace ClassroomFleet.Agent.Devices.Profiles;

/// <summary>
/// The built-in device profiles, as YAML data read by the same loader as a county's own profile file. OIDs are numeric:
/// HOST-RESOURCES-MIB (RFC 2790) hrProcessorLoad 1.3.6.1.2.1.25.3.3.1.2, hrStorageTable 1.3.6.1.2.1.25.2.3.1
/// (type .2, description .3, allocation units .4, size .5, used .6), hrStorageFixedDisk 1.3.6.1.2.1.25.2.1.4.
/// PJLink command lists: class 1 queries, then class 2 queries (sent only when the device reports CLSS 2).
/// </summary>
public static class BuiltInProfiles
{
    public const string Yaml = """
        - name: panel-pjlink
          kinds: [panel]
          timeout: 3s
          pacing: 20ms
          pjlink_commands: [1CLSS, 1POWR, 1INPT, 1ERST, 1LAMP, 1NAME, 1INF1, 1INF2, 1INFO, 2FILT, 2SNUM, 2SVER]
          max_repetitions: 10
          snmp_oids:
            hr_processor_load: 1.3.6.1.2.1.25.3.3.1.2
            hr_storage_type: 1.3.6.1.2.1.25.2.3.1.2
            hr_storage_descr: 1.3.6.1.2.1.25.2.3.1.3
            hr_storage_units: 1.3.6.1.2.1.25.2.3.1.4
            hr_storage_size: 1.3.6.1.2.1.25.2.3.1.5
            hr_storage_used: 1.3.6.1.2.1.25.2.3.1.6
          disk_storage_types: [1.3.6.1.2.1.25.2.1.4]
          icmp_timeout: 1s

        - name: projector-pjlink
          kinds: [projector]
          timeout: 3s
          pacing: 50ms
          pjlink_commands: [1CLSS, 1POWR, 1INPT, 1ERST, 1LAMP, 1NAME, 1INF1, 1INF2, 1INFO, 2FILT, 2SNUM, 2SVER]
          icmp_timeout: 1s

        - name: panel-pjlink-class1
          kinds: [panel, projector]
          timeout: 5s
          pacing: 200ms
          pjlink_commands: [1POWR, 1INPT, 1ERST, 1LAMP, 1NAME, 1INF1, 1INF2]
          icmp_timeout: 1s

        - name: recorder
          kinds: [recorder]
          timeout: 3s
          pacing: 0ms
          max_repetitions: 10
          snmp_oids:
            hr_storage_type: 1.3.6.1.2.1.25.2.3.1.2
            hr_storage_descr: 1.3.6.1.2.1.25.2.3.1.3
            hr_storage_units: 1.3.6.1.2.1.25.2.3.1.4
            hr_storage_size: 1.3.6.1.2.1.25.2.3.1.5
            hr_storage_used: 1.3.6.1.2.1.25.2.3.1.6
          disk_storage_types: [1.3.6.1.2.1.25.2.1.4]
          icmp_timeout: 1s

        - name: pc-icmp
          kinds: [pc, teacher_pc, student_pc]
          timeout: 1s
          icmp_timeout: 1s
          icmp_parallelism: 32

        - name: probe
          kinds: [probe]
          timeout: 5s
        """;
}
