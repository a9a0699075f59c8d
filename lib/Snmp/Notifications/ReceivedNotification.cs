using ClassroomFleet.Snmp.Ber;

namespace ClassroomFleet.Snmp.Notifications;

/// <summary>
/// A notification that passed every check, with the Response an inform is owed (empty for traps). The receiver sends
/// the acknowledgement only once the notification is queued: an inform dropped on a full queue stays unacknowledged,
/// so its sender retransmits it (RFC 3416 §4.2.7).
/// </summary>
internal readonly record struct ReceivedNotification(SnmpNotification Notification, PooledDatagram Acknowledgement)
{
    public static ReceivedNotification Trap(SnmpNotification notification) => new(notification, default);

    public bool NeedsAcknowledgement => Acknowledgement.Length > 0;
}
