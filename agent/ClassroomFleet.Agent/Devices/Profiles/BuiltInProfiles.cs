namespace ClassroomFleet.Agent.Devices.Profiles;

/// <summary>
/// The built-in device profiles, as YAML data read by the same loader as a county's own profile file. OIDs are numeric:
/// HOST-RESOURCES-MIB (RFC 2790) hrProcessorLoad 1.3.6.1.2.1.25.3.3.1.2, hrStorageTable 1.3.6.1.2.1.25.2.3.1
/// (type .2, description .3, allocation units .4, size .5, used .6), hrStorageFixedDisk 1.3.6.1.2.1.25.2.1.4.
/// Switches: SNMPv2-MIB sysUpTime, SNMP-FRAMEWORK-MIB snmpEngineBoots (RFC 3411), IF-MIB (RFC 2863) ifTable/ifXTable
/// columns, BRIDGE-MIB (RFC 4188) dot1dBasePortIfIndex and dot1dTpFdbTable, Q-BRIDGE-MIB (RFC 4363) dot1qTpFdbTable,
/// IP-MIB (RFC 4293) ipNetToPhysicalTable and the older ipNetToMediaTable (RFC 1213).
/// PJLink command lists: class 1 queries, then class 2 queries (sent only when the device reports CLSS 2).
/// </summary>
public static class BuiltInProfiles
{
    public const string Yaml = """
        - name: switch
          kinds: [switch]
          timeout: 2s
          pacing: 0ms
          max_repetitions: 25
          budget: 20s
          interfaces: uplinks_and_registered
          snmp_oids: &switch_oids
            sys_up_time: 1.3.6.1.2.1.1.3.0
            snmp_engine_boots: 1.3.6.1.6.3.10.2.1.2.0
            if_descr: 1.3.6.1.2.1.2.2.1.2
            if_oper_status: 1.3.6.1.2.1.2.2.1.8
            if_in_octets: 1.3.6.1.2.1.2.2.1.10
            if_in_discards: 1.3.6.1.2.1.2.2.1.13
            if_in_errors: 1.3.6.1.2.1.2.2.1.14
            if_out_octets: 1.3.6.1.2.1.2.2.1.16
            if_out_discards: 1.3.6.1.2.1.2.2.1.19
            if_out_errors: 1.3.6.1.2.1.2.2.1.20
            if_speed: 1.3.6.1.2.1.2.2.1.5
            if_name: 1.3.6.1.2.1.31.1.1.1.1
            if_hc_in_octets: 1.3.6.1.2.1.31.1.1.1.6
            if_hc_out_octets: 1.3.6.1.2.1.31.1.1.1.10
            if_high_speed: 1.3.6.1.2.1.31.1.1.1.15
            if_alias: 1.3.6.1.2.1.31.1.1.1.18
            if_counter_discontinuity_time: 1.3.6.1.2.1.31.1.1.1.19
            dot1d_base_port_if_index: 1.3.6.1.2.1.17.1.4.1.2
            dot1d_tp_fdb_port: 1.3.6.1.2.1.17.4.3.1.2
            dot1d_tp_fdb_status: 1.3.6.1.2.1.17.4.3.1.3
            dot1q_tp_fdb_port: 1.3.6.1.2.1.17.7.1.2.2.1.2
            dot1q_tp_fdb_status: 1.3.6.1.2.1.17.7.1.2.2.1.3
            ip_net_to_physical_phys_address: 1.3.6.1.2.1.4.35.1.4
            ip_net_to_physical_type: 1.3.6.1.2.1.4.35.1.6
            ip_net_to_media_phys_address: 1.3.6.1.2.1.4.22.1.2
            ip_net_to_media_type: 1.3.6.1.2.1.4.22.1.4

        - name: switch-all-ports
          kinds: [switch]
          timeout: 2s
          pacing: 0ms
          max_repetitions: 25
          budget: 20s
          interfaces: all
          snmp_oids: *switch_oids

        - name: switch-weak
          kinds: [switch]
          timeout: 3s
          pacing: 50ms
          max_repetitions: 5
          budget: 30s
          interfaces: uplinks
          snmp_oids:
            sys_up_time: 1.3.6.1.2.1.1.3.0
            if_oper_status: 1.3.6.1.2.1.2.2.1.8
            if_in_octets: 1.3.6.1.2.1.2.2.1.10
            if_out_octets: 1.3.6.1.2.1.2.2.1.16
            if_speed: 1.3.6.1.2.1.2.2.1.5
            if_descr: 1.3.6.1.2.1.2.2.1.2
            dot1d_base_port_if_index: 1.3.6.1.2.1.17.1.4.1.2
            dot1d_tp_fdb_port: 1.3.6.1.2.1.17.4.3.1.2
            dot1d_tp_fdb_status: 1.3.6.1.2.1.17.4.3.1.3
            ip_net_to_media_phys_address: 1.3.6.1.2.1.4.22.1.2
            ip_net_to_media_type: 1.3.6.1.2.1.4.22.1.4

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

        - name: access-point-icmp
          kinds: [access_point]
          timeout: 2s
          icmp_timeout: 1s

        - name: probe
          kinds: [probe]
          timeout: 5s
          budget: 150s
        """;
}
