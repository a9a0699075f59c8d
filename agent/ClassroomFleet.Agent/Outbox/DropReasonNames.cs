namespace ClassroomFleet.Agent.Outbox;

/// <summary>The snake_case names of drop reasons in metrics, the <c>agent</c> measurement and the status message.</summary>
public static class DropReasonNames
{
    public static string Of(DropReason reason) => reason switch
    {
        DropReason.Overflow => "overflow",
        DropReason.Expired => "expired",
        DropReason.DiskFull => "disk_full",
        DropReason.ReadOnly => "read_only",
        DropReason.IoError => "io_error",
        DropReason.Corrupt => "corrupt",
        DropReason.Rejected => "rejected",
        DropReason.TornTail => "torn_tail",
        _ => reason.ToString().ToLowerInvariant(),
    };
}
